/**
 * The benchmark of the whole call path: it starts the product as the launcher does, loads it with
 * simulated calls and agent bots over REST and the events topic, and reports latency, loss,
 * throughput, resource use and the floors it stands on.
 */
package org.calldesk.bench;
