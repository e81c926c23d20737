package org.ketamineclinic.protocol.pk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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

	/** The solution on the output grid; {@code amounts} are the states (mg) at each grid point. */
	record Solution(double[] minutes, double[] concentrations, double[][] amounts, double cmax, double tmax, double aucNgHourPerMl) {
	}

	private final double[][] a;
	private final int central;
	private final double centralVolumeL;
	private final int n;
	private final Map<Double, double[][][]> propagators = new HashMap<>();

	/** {@code transfer} is the n x n rate matrix (per minute) of the physical compartments. */
	CompartmentSystem(double[][] transfer, int central, double centralVolumeL) {
		int physical = transfer.length;
		this.n = physical + 1;
		this.a = new double[n][n];
		for (int i = 0; i < physical; i++) {
			System.arraycopy(transfer[i], 0, a[i], 0, physical);
		}
		a[physical][central] = 1000.0 / centralVolumeL;
		this.central = central;
		this.centralVolumeL = centralVolumeL;
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
			copy[i] = a[i].clone();
		}
		return copy;
	}

	double concentration(double[] x) {
		return x[central] / centralVolumeL * 1000.0;
	}

	Solution solve(List<Bolus> boluses, List<Rate> rates, double untilMinute, double stepMinutes) {
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
				x = step(x, u, time - t);
				t = time;
			}
			for (Bolus b : boluses) {
				if (round(b.minute()) == time) {
					x[b.compartment()] += b.amountMg();
				}
			}
			double c = concentration(x);
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
			concentrations[i] = concentration(amounts[i]);
		}
		return new Solution(minutes, concentrations, amounts, cmax, tmax, x[n - 1] / 60.0);
	}

	private double[] step(double[] x, double[] u, double h) {
		double[][][] p = propagators.computeIfAbsent(h, this::propagator);
		double[][] phi = p[0];
		double[][] gamma = p[1];
		double[] next = new double[n];
		for (int i = 0; i < n; i++) {
			double sum = 0;
			for (int j = 0; j < n; j++) {
				sum += phi[i][j] * x[j] + gamma[i][j] * u[j];
			}
			// The exact solution of a compartment system with non-negative inputs is non-negative;
			// clear only rounding noise, so that a real sign error still shows.
			next[i] = sum < 0 && sum > -1e-12 ? 0 : sum;
		}
		return next;
	}

	private double[][][] propagator(double h) {
		double[][] block = new double[2 * n][2 * n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				block[i][j] = a[i][j] * h;
			}
			block[i][n + i] = h;
		}
		double[][] e = MatrixExponential.expm(block);
		double[][] phi = new double[n][n];
		double[][] gamma = new double[n][n];
		for (int i = 0; i < n; i++) {
			System.arraycopy(e[i], 0, phi[i], 0, n);
			System.arraycopy(e[i], n, gamma[i], 0, n);
		}
		return new double[][][] { phi, gamma };
	}

	private static double round(double minute) {
		return Math.round(minute * 1e6) / 1e6;
	}
}
