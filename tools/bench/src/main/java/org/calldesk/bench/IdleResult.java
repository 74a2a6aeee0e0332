package org.calldesk.bench;

/**
 * The application's fixed cost: its CPU while every agent is logged in and Ready and no call
 * runs, measured before the load.
 *
 * @param agents agents logged in and Ready
 * @param seconds how long it was measured
 * @param cpuPercent the application's CPU over that time (100 = one core busy)
 * @param benchCpuPercent the benchmark process's (broker, simulator, bots) over the same time
 * @param loadAverage the machine's load average at the end
 */
record IdleResult(int agents, double seconds, double cpuPercent, double benchCpuPercent, String loadAverage) {
}
