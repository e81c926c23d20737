package org.ketamineclinic.protocol.pk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.protocol.pk.CompartmentSystem.Bolus;
import org.ketamineclinic.protocol.pk.CompartmentSystem.Rate;
import org.ketamineclinic.protocol.pk.CompartmentSystem.Solution;
import org.ketamineclinic.protocol.pk.PkRequest.Dose;

/**
 * The solver computes only the top half of the Van Loan exponential, skips zero entries, caches
 * propagators in arrays and reuses its state buffers for speed (bench/pk.sh). None of that may
 * change a single bit of a result: here it is compared with {@link Reference}, the plain version it
 * replaced (dense triple-loop products, a fresh array per step, sorted sets of boxed times), on
 * random matrices and random regimens of every model. The comparison is on the raw bits, so even
 * a -0 where the reference has +0 fails.
 */
class CompartmentSystemTest {

	final PkSimulator simulator = new PkSimulator();

	@Test
	void vanLoanIsBitForBitTheDenseExponential() {
		Random random = new Random(5);
		for (int trial = 0; trial < 400; trial++) {
			int n = 1 + random.nextInt(8);
			double[][] a = new double[n][n];
			double h;
			if (trial % 2 == 0) {
				// Compartmental like the models: non-negative transfers, each column's outflow on its
				// diagonal (plus some elimination), so e^{Ah} stays bounded even for long intervals.
				for (int j = 0; j < n; j++) {
					double out = 0;
					for (int i = 0; i < n; i++) {
						if (i != j && random.nextBoolean()) {
							a[i][j] = random.nextDouble();
							out += a[i][j];
						}
					}
					a[j][j] = -out - (random.nextBoolean() ? random.nextDouble() : 0);
				}
				h = Math.scalb(0.5 + random.nextDouble(), random.nextInt(18) - 8);
			}
			else {
				// Any signs, half the entries zero in most trials and none in the rest, with h from
				// well below the 1/2 norm (no squaring) to where e^{Ah} is about e^100, still finite.
				double zeros = trial % 8 == 1 ? 0 : 0.5;
				for (int i = 0; i < n; i++) {
					for (int j = 0; j < n; j++) {
						a[i][j] = random.nextDouble() < zeros ? 0 : (random.nextDouble() * 2 - 1) * 2 / n;
					}
				}
				h = Math.scalb(0.5 + random.nextDouble(), random.nextInt(12) - 6);
			}
			double[][] block = new double[2 * n][2 * n];
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < n; j++) {
					block[i][j] = a[i][j] * h;
				}
				block[i][n + i] = h;
			}
			double[] topHalf = Arrays.copyOf(flat(Reference.expm(block)), 2 * n * n);
			assertSameBits(MatrixExponential.vanLoan(flat(a), n, h), topHalf, "trial " + trial + ", n " + n + ", h " + h);
		}
	}

	@Test
	void solutionsAreBitForBitTheReferenceOnes() {
		Random random = new Random(20261121L);
		for (int trial = 0; trial < 150; trial++) {
			PkRequest request = randomRequest(random);
			PkSimulator.Plan plan = simulator.plan(request);
			Solution fast = plan.solve();
			CompartmentSystem system = plan.system();
			Solution slow = Reference.solve(system.matrix(), system.central(), system.centralVolumeL(), plan.boluses(),
					plan.rates(), plan.untilMinute(), plan.stepMinutes());
			String what = "trial " + trial + ": " + request;
			assertSameBits(fast.minutes(), slow.minutes(), what + " minutes");
			assertSameBits(fast.concentrations(), slow.concentrations(), what + " concentrations");
			assertThat(fast.amounts().length).as(what + " number of states").isEqualTo(slow.amounts().length);
			for (int i = 0; i < slow.amounts().length; i++) {
				assertSameBits(fast.amounts()[i], slow.amounts()[i], what + " amounts at " + slow.minutes()[i]);
			}
			assertSameBits(new double[] { fast.cmax(), fast.tmax(), fast.aucNgHourPerMl() },
					new double[] { slow.cmax(), slow.tmax(), slow.aucNgHourPerMl() }, what + " cmax, tmax, AUC");
			// What simulate() uses: the same curve from two state arrays taking turns.
			Solution curve = plan.solveCurve();
			assertSameBits(curve.minutes(), slow.minutes(), what + " curve minutes");
			assertSameBits(curve.concentrations(), slow.concentrations(), what + " curve concentrations");
			assertSameBits(new double[] { curve.cmax(), curve.tmax(), curve.aucNgHourPerMl() },
					new double[] { slow.cmax(), slow.tmax(), slow.aucNgHourPerMl() }, what + " curve cmax, tmax, AUC");
		}
	}

	@Test
	void oneSystemSolvedTwiceGivesTheSameAnswer() {
		// The propagator cache lives in the system: a second solve must read it back, not recompute
		// different numbers or trip over the first solve's intervals.
		PkSimulator.Plan plan = simulator.plan(new PkRequest("PEREZ_RUIXO_2021", 70.0, 70.0, "ASIAN",
				List.of(Dose.intranasal(3, 0), Dose.intranasal(2, 47.3)), 300.0, 0.7));
		Solution first = plan.solve();
		Solution second = plan.solve();
		assertSameBits(second.concentrations(), first.concentrations(), "second solve");
		Solution other = plan.system().solve(plan.boluses(), plan.rates(), 200, 2.5);
		Solution fresh = simulator.plan(new PkRequest("PEREZ_RUIXO_2021", 70.0, 70.0, "ASIAN",
				List.of(Dose.intranasal(3, 0), Dose.intranasal(2, 47.3)), 200.0, 2.5)).solve();
		assertSameBits(other.concentrations(), fresh.concentrations(), "other grid on a used system");
	}

	/** Any model, 1-3 doses at times on and off the grid, steps 0.5-60 minutes, up to 48 hours. */
	static PkRequest randomRequest(Random random) {
		PkModel model = PkModel.values()[random.nextInt(PkModel.values().length)];
		double weight = 25 + random.nextInt(3250) / 10.0;
		double until = 1 + random.nextInt(2880);
		double[] stepChoices = { 0.5, 0.7, 1, 1.5, 2.5, 5, 7.3, 15, 60 };
		double step = stepChoices[random.nextInt(stepChoices.length)];
		Double age = random.nextBoolean() ? null : (double) random.nextInt(121);
		String[] ancestries = { null, "ASIAN", "JAPANESE", "OTHER" };
		String ancestry = ancestries[random.nextInt(ancestries.length)];
		List<Dose> regimen = new ArrayList<>();
		for (int d = 1 + random.nextInt(3); d > 0; d--) {
			// Half on whole minutes (often on the grid), half anywhere with 0.1-minute resolution.
			double at = random.nextBoolean() ? random.nextInt((int) until + 1) : random.nextInt((int) (until * 10) + 1) / 10.0;
			if (!model.racemic()) {
				regimen.add(Dose.intranasal(1 + random.nextInt(3), at));
			}
			else if (random.nextBoolean()) {
				regimen.add(Dose.infusion(1 + random.nextInt((int) weight), at, 0.5 + random.nextInt(200) / 2.0));
			}
			else {
				regimen.add(Dose.im(1 + random.nextInt((int) weight), at));
			}
		}
		return new PkRequest(model.name(), weight, age, ancestry, regimen, until, step);
	}

	static void assertSameBits(double[] actual, double[] expected, String what) {
		assertThat(bits(actual)).as(what).containsExactly(bits(expected));
	}

	static long[] bits(double[] values) {
		long[] bits = new long[values.length];
		for (int i = 0; i < values.length; i++) {
			bits[i] = Double.doubleToRawLongBits(values[i]);
		}
		return bits;
	}

	static double[] flat(double[][] a) {
		int n = a.length;
		double[] flat = new double[n * n];
		for (int i = 0; i < n; i++) {
			System.arraycopy(a[i], 0, flat, i * n, n);
		}
		return flat;
	}

	/**
	 * The straightforward solver, kept as the yardstick: the same mathematics as
	 * {@link CompartmentSystem} and {@link MatrixExponential} without any of their shortcuts.
	 */
	static final class Reference {

		static Solution solve(double[][] a, int central, double centralVolumeL, List<Bolus> boluses, List<Rate> rates,
				double untilMinute, double stepMinutes) {
			int n = a.length;
			Map<Double, double[][][]> propagators = new HashMap<>();
			TreeSet<Double> grid = new TreeSet<>();
			long steps = (long) Math.floor(untilMinute / stepMinutes + 1e-9);
			for (long k = 0; k <= steps; k++) {
				grid.add(round(k * stepMinutes));
			}
			grid.add(round(untilMinute));
			TreeSet<Double> times = new TreeSet<>(grid);
			for (Bolus b : boluses) {
				if (b.minute() <= untilMinute) {
					times.add(round(b.minute()));
				}
			}
			for (Rate r : rates) {
				if (r.startMinute() < untilMinute) {
					times.add(round(r.startMinute()));
					times.add(round(Math.min(r.endMinute(), untilMinute)));
				}
			}
			double[] x = new double[n];
			List<double[]> recorded = new ArrayList<>();
			List<Double> recordedMinutes = new ArrayList<>();
			double cmax = 0;
			double tmax = 0;
			double t = 0;
			for (double time : times) {
				if (time > t) {
					double[] u = new double[n];
					for (Rate r : rates) {
						if (round(r.startMinute()) <= t && round(r.endMinute()) >= time) {
							u[r.compartment()] += r.mgPerMinute();
						}
					}
					double[][][] p = propagators.computeIfAbsent(time - t, h -> propagator(a, h));
					double[] next = new double[n];
					for (int i = 0; i < n; i++) {
						double sum = 0;
						for (int j = 0; j < n; j++) {
							sum += p[0][i][j] * x[j] + p[1][i][j] * u[j];
						}
						next[i] = sum < 0 && sum > -1e-12 ? 0 : sum;
					}
					x = next;
					t = time;
				}
				for (Bolus b : boluses) {
					if (round(b.minute()) == time) {
						x[b.compartment()] += b.amountMg();
					}
				}
				double c = x[central] / centralVolumeL * 1000.0;
				if (c > cmax) {
					cmax = c;
					tmax = time;
				}
				if (grid.contains(time)) {
					recorded.add(x.clone());
					recordedMinutes.add(time);
				}
			}
			double[] minutes = new double[recorded.size()];
			double[] concentrations = new double[recorded.size()];
			double[][] amounts = new double[recorded.size()][];
			for (int i = 0; i < minutes.length; i++) {
				minutes[i] = recordedMinutes.get(i);
				amounts[i] = recorded.get(i);
				concentrations[i] = amounts[i][central] / centralVolumeL * 1000.0;
			}
			return new Solution(minutes, concentrations, amounts, cmax, tmax, x[n - 1] / 60.0);
		}

		static double[][][] propagator(double[][] a, double h) {
			int n = a.length;
			double[][] block = new double[2 * n][2 * n];
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < n; j++) {
					block[i][j] = a[i][j] * h;
				}
				block[i][n + i] = h;
			}
			double[][] e = expm(block);
			double[][] phi = new double[n][n];
			double[][] gamma = new double[n][n];
			for (int i = 0; i < n; i++) {
				System.arraycopy(e[i], 0, phi[i], 0, n);
				System.arraycopy(e[i], n, gamma[i], 0, n);
			}
			return new double[][][] { phi, gamma };
		}

		static double[][] expm(double[][] a) {
			int n = a.length;
			double norm = normInf(a);
			int squarings = norm <= 0.5 ? 0 : (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2));
			double scale = Math.scalb(1.0, -squarings);
			double[][] scaled = new double[n][n];
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < n; j++) {
					scaled[i][j] = a[i][j] * scale;
				}
			}
			double[][] sum = new double[n][n];
			double[][] term = new double[n][n];
			for (int i = 0; i < n; i++) {
				sum[i][i] = 1;
				term[i][i] = 1;
			}
			for (int k = 1; k <= 40; k++) {
				term = multiply(term, scaled);
				double inv = 1.0 / k;
				for (int i = 0; i < n; i++) {
					for (int j = 0; j < n; j++) {
						term[i][j] *= inv;
						sum[i][j] += term[i][j];
					}
				}
				if (normInf(term) <= 1e-17 * normInf(sum)) {
					break;
				}
			}
			for (int s = 0; s < squarings; s++) {
				sum = multiply(sum, sum);
			}
			return sum;
		}

		/** Dense: every product is added, zeros included. */
		static double[][] multiply(double[][] a, double[][] b) {
			int n = a.length;
			double[][] c = new double[n][n];
			for (int i = 0; i < n; i++) {
				for (int k = 0; k < n; k++) {
					for (int j = 0; j < n; j++) {
						c[i][j] += a[i][k] * b[k][j];
					}
				}
			}
			return c;
		}

		static double normInf(double[][] a) {
			double max = 0;
			for (double[] row : a) {
				double sum = 0;
				for (double v : row) {
					sum += Math.abs(v);
				}
				max = Math.max(max, sum);
			}
			return max;
		}

		static double round(double minute) {
			return Math.round(minute * 1e6) / 1e6;
		}
	}
}
