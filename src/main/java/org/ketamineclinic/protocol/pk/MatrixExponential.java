package org.ketamineclinic.protocol.pk;

/**
 * Matrix exponential of small dense matrices by scaling and squaring with a Taylor series:
 * the matrix is scaled by 2^-s until its infinity norm is at most 1/2, the series is summed until
 * the terms fall below 1e-17 of the running sum (at most 40 terms; at norm 1/2 that leaves a
 * truncation error far below double precision), and the result is squared s times. Compartment
 * matrices here are at most 16 x 16, so this is both exact to rounding and cheap.
 */
final class MatrixExponential {

	private MatrixExponential() {
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
		double[][] sum = identity(n);
		double[][] term = identity(n);
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

	static double[][] identity(int n) {
		double[][] id = new double[n][n];
		for (int i = 0; i < n; i++) {
			id[i][i] = 1;
		}
		return id;
	}

	static double[][] multiply(double[][] a, double[][] b) {
		int n = a.length;
		int m = b[0].length;
		int inner = b.length;
		double[][] c = new double[n][m];
		for (int i = 0; i < n; i++) {
			for (int k = 0; k < inner; k++) {
				double aik = a[i][k];
				if (aik == 0) {
					continue;
				}
				for (int j = 0; j < m; j++) {
					c[i][j] += aik * b[k][j];
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
}
