/** Herald: reliable, schema-checked CloudEvents on Apache Kafka for Open Liberty services. */
package dev.herald;
