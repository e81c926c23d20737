package org.ketamineclinic.protocol.pk;

import java.util.Arrays;

/**
 * Phi = e^{Ah} and Gamma = integral_0^h e^{As} ds of a small matrix A, read off the matrix
 * exponential of the Van Loan block matrix {@code [[A, I], [0, 0]] h}, which is
 * {@code [[Phi, Gamma], [0, I]]}. The exponential is taken by scaling and squaring with a Taylor
 * series: the block matrix is scaled by 2^-s until its infinity norm is at most 1/2, the series is
 * summed until the terms fall below 1e-17 of the running sum (at most 40 terms; at norm 1/2 that
 * leaves a truncation error far below double precision), and the result is squared s times.
 * Compartment matrices here are at most 8 x 8, so this is both exact to rounding and cheap.
 * <p>
 * Only the top half of the 2n x 2n block matrix is ever stored or computed. Its bottom half is
 * known: zero in the block matrix and every term of the series, {@code [0, I]} in the sum and in
 * every square of it. The top half is computed with exactly the roundings a dense 2n x 2n
 * computation would make: every entry accumulates its non-zero products from +0 in the same order
 * (increasing inner index), and the products left out are those with a known zero factor. Such a
 * product is a signed zero, and adding a signed zero to an accumulator that started at +0 and only
 * ever had finite values added to it (so is never -0) does not change a bit. The norms are taken
 * row by row in the same order too, so the number of squarings and terms is the same.
 * CompartmentSystemTest checks all of this bit for bit against a plain dense exponential.
 * This is what makes a 10,000-patient simulation fast enough (bench/pk.sh): half the rows, and no
 * work on the zeros of the sparse compartment matrices.
 */
final class MatrixExponential {

	private static final int MAX_TERMS = 40;

	private MatrixExponential() {
	}

	/**
	 * The top half {@code [Phi | Gamma]} of e^{[[A, I], [0, 0]] h} for the row-major n x n matrix a,
	 * as a row-major n x 2n matrix. The entries of a, h and the result must be finite (a compartment
	 * matrix's exponential is bounded by 1), else a left-out infinity times zero could differ from
	 * the NaN a dense product would give.
	 */
	static double[] vanLoan(double[] a, int n, double h) {
		return vanLoan(a, h, new Workspace(n)).clone();
	}

	/**
	 * As {@link #vanLoan(double[], int, double)} with the scratch arrays of {@code workspace}; the
	 * result is one of them, valid until the workspace is used again.
	 */
	static double[] vanLoan(double[] a, double h, Workspace workspace) {
		int n = workspace.n;
		int w = 2 * n;
		// Infinity norm of the block matrix: per top row the |a h| left to right, then |h| on the
		// diagonal of the right half (its other entries add zeros); the bottom rows are zero.
		double norm = 0;
		for (int i = 0; i < n; i++) {
			double row = 0;
			for (int j = 0; j < n; j++) {
				row += Math.abs(a[i * n + j] * h);
			}
			row += Math.abs(h);
			norm = Math.max(norm, row);
		}
		int squarings = norm <= 0.5 ? 0 : (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2));
		double scale = Math.scalb(1.0, -squarings);
		double hScaled = h * scale;

		// The scaled A h as compressed rows: per row k its non-zero entries (column, value).
		int[] rowStart = workspace.rowStart;
		int[] columns = workspace.columns;
		double[] values = workspace.values;
		int count = 0;
		for (int k = 0; k < n; k++) {
			rowStart[k] = count;
			for (int j = 0; j < n; j++) {
				double v = a[k * n + j] * h * scale;
				if (v != 0) {
					columns[count] = j;
					values[count++] = v;
				}
			}
		}
		rowStart[n] = count;

		// Top halves: term [X | Y] and sum [P | G] start as those of the 2n x 2n identity.
		double[] term = workspace.term;
		double[] sum = workspace.sum;
		double[] next = workspace.next;
		Arrays.fill(term, 0.0);
		Arrays.fill(sum, 0.0);
		for (int i = 0; i < n; i++) {
			term[i * w + i] = 1;
			sum[i * w + i] = 1;
		}
		for (int k = 1; k <= MAX_TERMS; k++) {
			// next = term x scaled block: [X (A h s) | X h s], Y meeting only the zero bottom rows.
			Arrays.fill(next, 0.0);
			for (int i = 0; i < n; i++) {
				int row = i * w;
				for (int m = 0; m < n; m++) {
					double x = term[row + m];
					if (x == 0) {
						continue;
					}
					for (int p = rowStart[m], end = rowStart[m + 1]; p < end; p++) {
						next[row + columns[p]] += x * values[p];
					}
					next[row + n + m] += x * hScaled;
				}
			}
			double[] previous = term;
			term = next;
			next = previous;
			double inv = 1.0 / k;
			// Scale the term, add it to the sum and take both infinity norms in one pass, each row
			// summed left to right as a separate pass would. The bottom rows add 0 to the term's norm
			// and 1 to the sum's (its identity block).
			double termNorm = 0;
			double sumNorm = 0;
			for (int i = 0; i < n; i++) {
				double termRow = 0;
				double sumRow = 0;
				for (int j = i * w, end = j + w; j < end; j++) {
					double t = term[j] * inv;
					term[j] = t;
					double s = sum[j] + t;
					sum[j] = s;
					termRow += Math.abs(t);
					sumRow += Math.abs(s);
				}
				termNorm = Math.max(termNorm, termRow);
				sumNorm = Math.max(sumNorm, sumRow);
			}
			sumNorm = Math.max(sumNorm, 1.0);
			if (termNorm <= 1e-17 * sumNorm) {
				break;
			}
		}
		for (int s = 0; s < squarings; s++) {
			// [P G; 0 I]^2 = [P P | P G + G I]: the products over the top rows first, then the
			// identity block's single contribution G x 1, in the order a dense product adds them.
			Arrays.fill(next, 0.0);
			for (int i = 0; i < n; i++) {
				int row = i * w;
				for (int m = 0; m < n; m++) {
					double pim = sum[row + m];
					if (pim == 0) {
						continue;
					}
					for (int j = 0, from = m * w; j < w; j++) {
						next[row + j] += pim * sum[from + j];
					}
				}
				for (int j = n; j < w; j++) {
					double g = sum[row + j];
					if (g != 0) {
						next[row + j] += g;
					}
				}
			}
			double[] previous = sum;
			sum = next;
			next = previous;
		}
		workspace.term = term;
		workspace.sum = sum;
		workspace.next = next;
		return sum;
	}

	/**
	 * Scratch arrays for n x n matrices, reused by every exponential of one compartment system: a
	 * curve needs up to a handful, and fresh arrays for each were a tenth of the time. One thread
	 * at a time, like the system that owns it.
	 */
	static final class Workspace {

		final int n;
		final int[] rowStart;
		final int[] columns;
		final double[] values;
		double[] term;
		double[] sum;
		double[] next;

		Workspace(int n) {
			this.n = n;
			this.rowStart = new int[n + 1];
			this.columns = new int[n * n];
			this.values = new double[n * n];
			this.term = new double[2 * n * n];
			this.sum = new double[2 * n * n];
			this.next = new double[2 * n * n];
		}
	}
}
