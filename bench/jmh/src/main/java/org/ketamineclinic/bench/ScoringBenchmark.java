package org.ketamineclinic.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.assessment.scales.Scale;
import org.ketamineclinic.assessment.scales.ScaleSettings;
import org.ketamineclinic.assessment.scales.Scales;
import org.ketamineclinic.assessment.scales.Score;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring throughput of four scales with pre-generated random valid answers.
 * <ul>
 * <li>{@code score}: {@code Scale.score(answers)} on a scale built once;</li>
 * <li>{@code ofAndScore}: {@code Scales.of(instrument, settings).score(answers)}, which is what
 * {@code AssessmentService.record} does for every submission (it builds the scale each time).</li>
 * </ul>
 * Answers are uniform over each item's options, within the C-SSRS skip rules (questions 3-5 only
 * after a yes to 2, question 7 only after a yes to 6), as {@code ArrayList<Integer>} like Jackson
 * gives them. So PHQ-9 item 9 is above 0 in about 75 % of the lists, which adds the suicide-risk
 * flag and its message: a pessimistic mix for scoring.
 * <p>
 * bench/scoring.sh runs it twice, {@code -bm thrpt -tu s} (ops/s) and {@code -bm avgt -tu ns}
 * (ns/op); the defaults below make one mode take about a minute and a quarter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(java.util.concurrent.TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScoringBenchmark {

	/** Distinct answer lists per scale, cycled through; a power of two. */
	private static final int SAMPLES = 1024;

	@Param({ "PHQ9", "QIDS_SR16", "PCL5", "CSSRS_SCREENER" })
	public Instrument instrument;

	private Scale scale;

	private List<List<Integer>> answers;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		scale = Scales.of(instrument, ScaleSettings.DEFAULTS);
		Random random = new Random(20261120L + instrument.ordinal());
		answers = new ArrayList<>(SAMPLES);
		for (int i = 0; i < SAMPLES; i++) {
			List<Integer> list = randomValidAnswers(scale, random);
			scale.score(list); // throws if the generator ever produced an invalid list
			answers.add(list);
		}
	}

	@Benchmark
	public Score score() {
		return scale.score(answers.get(next++ & (SAMPLES - 1)));
	}

	@Benchmark
	public Score ofAndScore() {
		return Scales.of(instrument, ScaleSettings.DEFAULTS).score(answers.get(next++ & (SAMPLES - 1)));
	}

	static List<Integer> randomValidAnswers(Scale scale, Random random) {
		List<Integer> list = new ArrayList<>();
		for (Scale.Item item : scale.items()) {
			List<Scale.Option> options = item.options();
			list.add(options.get(random.nextInt(options.size())).value());
		}
		if (scale.instrument() == Instrument.CSSRS_SCREENER) {
			if (list.get(1) == 0) {
				list.set(2, 0);
				list.set(3, 0);
				list.set(4, 0);
			}
			if (list.get(5) == 0) {
				list.set(6, 0);
			}
		}
		return list;
	}
}
