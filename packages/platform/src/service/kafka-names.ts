// The names a service's topics and consumer groups get under KAFKA_TOPIC_PREFIX (a drill or a second stack on one broker).
/** A catalogue topic under the prefix: `fuzz.` + `lianxin.banks.v1`. */
export const prefixedTopic = (prefix: string, name: string): string => `${prefix}${name}`;

/**
 * A consumer group under the prefix, with its dots as `-`: a group names its dead-letter topic
 * (`<topic>.dlq.<group>`), where a dot would make the name ambiguous, so `dlqTopic` refuses it.
 */
export const prefixedGroup = (prefix: string, name: string): string =>
  `${prefix.replaceAll('.', '-')}${name}`;
