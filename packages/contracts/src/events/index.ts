// Every event's data schema, the EventMap that names them, and parseEvent.
export * from './accounts.ts';
export * from './banks.ts';
export * from './bulletins.ts';
export * from './event-map.ts';
export * from './opinions.ts';
export * from './parse-event.ts';
export * from './registrations.ts';
export * from './sessions.ts';
export * from './subscriptions.ts';
