import { EntityManager } from 'typeorm';
import { CloudEvent, EventData, EventDefinition, findEventDefinition } from '@xiaojian/contracts';

export interface HandlerContext {
  /** The transaction the inbox row is written in: write through it and nothing else. */
  manager: EntityManager;
  topic: string;
  partition: number;
  offset: string;
}

export type EventHandler<D extends EventDefinition = EventDefinition> = (
  event: CloudEvent<EventData<D>>,
  context: HandlerContext,
) => Promise<void>;

/**
 * Applies consecutive events of one type together (e.g. a projection doing one multi-row write).
 * Same transaction and exactly-once guarantees as a single handler.
 */
export type BatchEventHandler<D extends EventDefinition = EventDefinition> = (
  events: CloudEvent<EventData<D>>[],
  context: Omit<HandlerContext, 'offset'>,
) => Promise<void>;

export type RegisteredHandler = { kind: 'each'; handle: EventHandler } | { kind: 'batch'; handle: BatchEventHandler };

/** A consumer's handler table; registering a type twice is a start-up error, not a silent override. */
export class EventHandlers {
  private readonly handlers = new Map<string, RegisteredHandler>();
  private readonly definitions = new Map<string, EventDefinition>();

  on<D extends EventDefinition>(definition: D, handler: EventHandler<D>): this {
    return this.register(definition, { kind: 'each', handle: handler as unknown as EventHandler });
  }

  onBatch<D extends EventDefinition>(definition: D, handler: BatchEventHandler<D>): this {
    return this.register(definition, { kind: 'batch', handle: handler as unknown as BatchEventHandler });
  }

  private register(definition: EventDefinition, handler: RegisteredHandler): this {
    if (this.handlers.has(definition.type)) {
      throw new Error(`duplicate handler for ${definition.type}`);
    }
    this.handlers.set(definition.type, handler);
    this.definitions.set(definition.type, definition);
    return this;
  }

  /** The contract of a type: a handled one first, then the catalogue (known but not handled here). */
  readonly definitionOf = (type: string): EventDefinition | undefined =>
    this.definitions.get(type) ?? findEventDefinition(type);

  get(type: string): RegisteredHandler | undefined {
    return this.handlers.get(type);
  }

  get types(): string[] {
    return [...this.handlers.keys()];
  }
}
