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

/** A consumer's handler table; registering a type twice is a start-up error, not a silent override. */
export class EventHandlers {
  private readonly handlers = new Map<string, EventHandler>();
  private readonly definitions = new Map<string, EventDefinition>();

  on<D extends EventDefinition>(definition: D, handler: EventHandler<D>): this {
    if (this.handlers.has(definition.type)) {
      throw new Error(`duplicate handler for ${definition.type}`);
    }
    this.handlers.set(definition.type, handler as unknown as EventHandler);
    this.definitions.set(definition.type, definition);
    return this;
  }

  /** The contract of a type: a handled one first, then the catalogue (known but not handled here). */
  readonly definitionOf = (type: string): EventDefinition | undefined =>
    this.definitions.get(type) ?? findEventDefinition(type);

  get(type: string): EventHandler | undefined {
    return this.handlers.get(type);
  }

  get types(): string[] {
    return [...this.handlers.keys()];
  }
}
