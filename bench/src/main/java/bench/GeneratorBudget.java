package bench;

/**
 * What the generator may use before its own limits, not the target's, shape a step: its cores
 * (at 90 % of them it is saturated) and how late its SENDs may leave (p99).
 */
record GeneratorBudget(int cores, double lagP99LimitMs) {

    static final double CPU_LIMIT = 0.9;

    boolean exceededBy(Step s) {
        return s.generatorCpuCores() >= CPU_LIMIT * cores || s.lag(99) > lagP99LimitMs;
    }
}
