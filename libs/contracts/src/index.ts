export * from './topics';
export * from './glossary';
export * from './events/common';
export * from './events/catalogue';
export * from './cloudevents/cloud-event';
export * from './asyncapi/asyncapi-document';
