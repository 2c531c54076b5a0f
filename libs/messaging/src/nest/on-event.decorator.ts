import { SetMetadata } from '@nestjs/common';
import { EventDefinition } from '@xiaojian/contracts';

export const EVENT_HANDLER_METADATA = 'xiaojian:event-handler';

export interface OnEventOptions {
  /** The method takes an array: consecutive events of this type applied in one call. */
  batch?: boolean;
}

export interface EventHandlerMetadata {
  definition: EventDefinition;
  batch: boolean;
}

/**
 * Marks a provider method as the handler of one event type. Handlers are collected at start-up;
 * a type handled twice, or a handled type not on a subscribed topic, stops the service.
 */
export const OnEvent = (definition: EventDefinition, options: OnEventOptions = {}): MethodDecorator =>
  SetMetadata(EVENT_HANDLER_METADATA, { definition, batch: options.batch ?? false } satisfies EventHandlerMetadata);
