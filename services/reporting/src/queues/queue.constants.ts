/** The ioredis client shared by the queues (producers) and the readiness check. */
export const REDIS = Symbol('REDIS');

export const GENERATION_QUEUE = 'bulletin-generation';
export const DELIVERY_QUEUE = 'bulletin-delivery';

/** Job names on the generation queue. */
export const RUN_JOB = 'run';
export const MONTH_END_JOB = 'month-end';
export const MONTH_END_SCHEDULER = 'month-end-bulletins';
export const DELIVER_JOB = 'deliver';

export interface RunJobData {
  countyCode: string;
  month: string;
}

export interface DeliverJobData {
  deliveryId: string;
  bulletinId: string;
  subscriberId: string;
}

/** Deterministic ids: a repeated trigger of the same run or delivery is the same job. */
export const runJobId = (countyCode: string, month: string) => `run:${countyCode}:${month}`;
export const deliverJobId = (bulletinId: string, subscriberId: string) => `deliver:${bulletinId}:${subscriberId}`;
