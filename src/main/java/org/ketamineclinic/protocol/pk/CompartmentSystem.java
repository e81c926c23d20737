package org.ketamineclinic.protocol.pk;

import java.util.Arrays;
import java.util.List;

/**
 * A linear compartment system dx/dt = A x + u(t) in amounts (mg) per minute, with u piecewise
 * constant, solved exactly. Per constant-input interval of length h the step is
 * {@code x(t+h) = Phi(h) x(t) + Gamma(h) u} with {@code Phi = e^{Ah}} and
 * {@code Gamma = integral_0^h e^{As} ds}, both read off one matrix exponential of the augmented
 * block matrix {@code [[A, I], [0, 0]] h} (Van Loan). Boluses add amounts at their instant.
 * <p>
 * The last state is an accumulator with {@code d/dt = 1000 / V1 * central}, so it holds the exact
 * area under the concentration curve in ng.min/mL: the AUC is an exact integral, not a trapezoid.
 */
final class CompartmentSystem {

	/** An amount added to one compartment at one instant. */
	record Bolus(double minute, int compartment, double amountMg) {
	}

	/** A constant rate into one compartment during [start, end). */
	record Rate(double startMinute, double endMinute, int compartment, double mgPerMinute) {
	}

	/**
	 * The solution on the output grid; {@code amounts} are the states (mg) at each grid point, or
	 * none when the caller did not ask for them.
	 */
	record Solution(double[] minutes, double[] concentrations, double[][] amounts, double cmax, double tmax, double aucNgHourPerMl) {
	}

	private final int n;
	/** The n x n rate matrix with the accumulator row, row-major. */
	private final double[] a;
	private final int central;
	private final double centralVolumeL;

	/**
	 * Phi and Gamma per interval length already met, in a few parallel arrays: a curve has only a
	 * handful of distinct lengths (the output step and the pieces that dosing events cut off it),
	 * so a linear scan beats hashing a boxed key on every one of its hundreds of steps.
	 */
	private double[] propagatorLengths = new double[4];
	private double[][] phis = new double[4][];
	private double[][] gammas = new double[4][];
	private int propagatorCount;
	/** Scratch space for those exponentials, shared by all of them. */
	private final MatrixExponential.Workspace workspace;

	/** {@code transfer} is the n x n rate matrix (per minute) of the physical compartments. */
	CompartmentSystem(double[][] transfer, int central, double centralVolumeL) {
		int physical = transfer.length;
		this.n = physical + 1;
		this.a = new double[n * n];
		for (int i = 0; i < physical; i++) {
			System.arraycopy(transfer[i], 0, a, i * n, physical);
		}
		a[physical * n + central] = 1000.0 / centralVolumeL;
		this.central = central;
		this.centralVolumeL = centralVolumeL;
		this.workspace = new MatrixExponential.Workspace(n);
	}

	int size() {
		return n;
	}

	int central() {
		return central;
	}

	double centralVolumeL() {
		return centralVolumeL;
	}

	/** The full matrix including the AUC accumulator row (for independent reference solvers). */
	double[][] matrix() {
		double[][] copy = new double[n][];
		for (int i = 0; i < n; i++) {
			copy[i] = Arrays.copyOfRange(a, i * n, (i + 1) * n);
		}
		return copy;
	}

	double concentration(double[] x) {
		return x[central] / centralVolumeL * 1000.0;
	}

	/** The solution with the states at every grid point. */
	Solution solve(List<Bolus> boluses, List<Rate> rates, double untilMinute, double stepMinutes) {
		return solve(boluses, rates, untilMinute, stepMinutes, true);
	}

	/**
	 * Steps from one event time to the next over the union of the output grid and the dosing events.
	 * The times are rounded to 1e-6 minute so that an event that falls on the grid is one time, not
	 * two a rounding error apart. Only {@code keepAmounts} allocates per step (the states it
	 * returns); a curve alone does not need them, and a population simulation is bound by the memory
	 * it writes as much as by the arithmetic.
	 */
	Solution solve(List<Bolus> boluses, List<Rate> rates, double untilMinute, double stepMinutes, boolean keepAmounts) {
		long steps = (long) Math.floor(untilMinute / stepMinutes + 1e-9);
		double[] grid = new double[Math.toIntExact(steps) + 2];
		for (long k = 0; k <= steps; k++) {
			grid[(int) k] = round(k * stepMinutes);
		}
		grid[grid.length - 1] = round(untilMinute);
		grid = sortedDistinct(grid, grid.length);

		double[] events = new double[boluses.size() + 2 * rates.size()];
		int eventCount = 0;
		double[] bolusMinutes = new double[boluses.size()];
		for (int b = 0; b < bolusMinutes.length; b++) {
			Bolus bolus = boluses.get(b);
			bolusMinutes[b] = round(bolus.minute());
			if (bolus.minute() <= untilMinute) {
				events[eventCount++] = bolusMinutes[b];
			}
		}
		double[] rateStarts = new double[rates.size()];
		double[] rateEnds = new double[rates.size()];
		for (int r = 0; r < rateStarts.length; r++) {
			Rate rate = rates.get(r);
			rateStarts[r] = round(rate.startMinute());
			rateEnds[r] = round(rate.endMinute());
			if (rate.startMinute() < untilMinute) {
				events[eventCount++] = rateStarts[r];
				events[eventCount++] = round(Math.min(rate.endMinute(), untilMinute));
			}
		}
		double[] times = mergeDistinct(grid, sortedDistinct(events, eventCount));

		// With keepAmounts each step writes a new state array, recorded as it is when its time is
		// on the grid (later steps never touch it); without, two arrays take turns.
		double[] x = new double[n];
		double[] spare = new double[n];
		double[] u = new double[n];
		double[][] amounts = new double[keepAmounts ? grid.length : 0][];
		double[] concentrations = new double[grid.length];
		int recorded = 0;
		double cmax = 0;
		double tmax = 0;
		double t = 0;
		for (double time : times) {
			if (time > t) {
				boolean input = false;
				for (int r = 0; r < rateStarts.length; r++) {
					if (rateStarts[r] <= t && rateEnds[r] >= time) {
						if (!input) {
							Arrays.fill(u, 0.0);
							input = true;
						}
						Rate rate = rates.get(r);
						u[rate.compartment()] += rate.mgPerMinute();
					}
				}
				double[] next = keepAmounts ? new double[n] : spare;
				step(x, u, input, time - t, next);
				spare = x;
				x = next;
				t = time;
			}
			for (int b = 0; b < bolusMinutes.length; b++) {
				if (bolusMinutes[b] == time) {
					Bolus bolus = boluses.get(b);
					x[bolus.compartment()] += bolus.amountMg();
				}
			}
			double c = concentration(x);
			if (c > cmax) {
				cmax = c;
				tmax = time;
			}
			// Every grid time is among the times and both are sorted, so one cursor finds them.
			if (recorded < grid.length && grid[recorded] == time) {
				if (keepAmounts) {
					amounts[recorded] = x;
				}
				concentrations[recorded++] = c;
			}
		}
		return new Solution(grid, concentrations, amounts, cmax, tmax, x[n - 1] / 60.0);
	}

	/**
	 * next = Phi x + Gamma u over an interval of length h. Without {@code input} u is all
	 * zeros, and leaving out the Gamma term is exact: each left-out product is a signed zero, and
	 * the row sum starts at +0 and so is never -0, so adding it could not change a bit.
	 */
	private void step(double[] x, double[] u, boolean input, double h, double[] next) {
		int p = propagatorIndex(h);
		double[] phi = phis[p];
		double[] gamma = gammas[p];
		int i = 0;
		// Four rows at a time. Each row still adds its products left to right from +0, but four
		// independent sums keep the adder busy instead of waiting on one chain.
		for (; i + 4 <= n; i += 4) {
			int r0 = i * n;
			int r1 = r0 + n;
			int r2 = r1 + n;
			int r3 = r2 + n;
			double s0 = 0;
			double s1 = 0;
			double s2 = 0;
			double s3 = 0;
			if (input) {
				for (int j = 0; j < n; j++) {
					double xj = x[j];
					double uj = u[j];
					s0 += phi[r0 + j] * xj + gamma[r0 + j] * uj;
					s1 += phi[r1 + j] * xj + gamma[r1 + j] * uj;
					s2 += phi[r2 + j] * xj + gamma[r2 + j] * uj;
					s3 += phi[r3 + j] * xj + gamma[r3 + j] * uj;
				}
			}
			else {
				for (int j = 0; j < n; j++) {
					double xj = x[j];
					s0 += phi[r0 + j] * xj;
					s1 += phi[r1 + j] * xj;
					s2 += phi[r2 + j] * xj;
					s3 += phi[r3 + j] * xj;
				}
			}
			next[i] = clearNoise(s0);
			next[i + 1] = clearNoise(s1);
			next[i + 2] = clearNoise(s2);
			next[i + 3] = clearNoise(s3);
		}
		for (; i < n; i++) {
			int row = i * n;
			double sum = 0;
			if (input) {
				for (int j = 0; j < n; j++) {
					sum += phi[row + j] * x[j] + gamma[row + j] * u[j];
				}
			}
			else {
				for (int j = 0; j < n; j++) {
					sum += phi[row + j] * x[j];
				}
			}
			next[i] = clearNoise(sum);
		}
	}

	/**
	 * The exact solution of a compartment system with non-negative inputs is non-negative; clear
	 * only rounding noise, so that a real sign error still shows.
	 */
	private static double clearNoise(double amount) {
		return amount < 0 && amount > -1e-12 ? 0 : amount;
	}

	private int propagatorIndex(double h) {
		for (int p = 0; p < propagatorCount; p++) {
			if (propagatorLengths[p] == h) {
				return p;
			}
		}
		if (propagatorCount == propagatorLengths.length) {
			int capacity = 2 * propagatorCount;
			propagatorLengths = Arrays.copyOf(propagatorLengths, capacity);
			phis = Arrays.copyOf(phis, capacity);
			gammas = Arrays.copyOf(gammas, capacity);
		}
		int w = 2 * n;
		double[] top = MatrixExponential.vanLoan(a, h, workspace);
		double[] phi = new double[n * n];
		double[] gamma = new double[n * n];
		for (int i = 0; i < n; i++) {
			System.arraycopy(top, i * w, phi, i * n, n);
			System.arraycopy(top, i * w + n, gamma, i * n, n);
		}
		int p = propagatorCount++;
		propagatorLengths[p] = h;
		phis[p] = phi;
		gammas[p] = gamma;
		return p;
	}

	/**
	 * The first {@code count} values sorted ascending without repeats. The grid comes in order
	 * already (rounding keeps the order of k times the step) but for the end point: checking first
	 * spares a sort of hundreds of values per curve.
	 */
	private static double[] sortedDistinct(double[] values, int count) {
		for (int i = 1; i < count; i++) {
			if (values[i] < values[i - 1]) {
				Arrays.sort(values, 0, count);
				break;
			}
		}
		int distinct = 0;
		for (int i = 0; i < count; i++) {
			if (distinct == 0 || values[i] != values[distinct - 1]) {
				values[distinct++] = values[i];
			}
		}
		return distinct == values.length ? values : Arrays.copyOf(values, distinct);
	}

	/** The union of two ascending arrays without repeats, ascending without repeats. */
	private static double[] mergeDistinct(double[] first, double[] second) {
		double[] merged = new double[first.length + second.length];
		int i = 0;
		int j = 0;
		int count = 0;
		while (i < first.length || j < second.length) {
			double next = j == second.length || (i < first.length && first[i] <= second[j]) ? first[i] : second[j];
			while (i < first.length && first[i] == next) {
				i++;
			}
			while (j < second.length && second[j] == next) {
				j++;
			}
			merged[count++] = next;
		}
		return count == merged.length ? merged : Arrays.copyOf(merged, count);
	}

	private static double round(double minute) {
		return Math.round(minute * 1e6) / 1e6;
	}
}
