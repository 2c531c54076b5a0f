import { DeadLetterEntity } from './dead-letter.entity';
import { InboxMessageEntity } from './inbox-message.entity';
import { OutboxEventEntity } from './outbox-event.entity';

export { DeadLetterEntity, InboxMessageEntity, OutboxEventEntity };

/** Add these to a service's DataSource `entities`, and its migrations to the service's list. */
export const MESSAGING_ENTITIES = [OutboxEventEntity, InboxMessageEntity, DeadLetterEntity];
