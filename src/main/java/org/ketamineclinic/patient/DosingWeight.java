package org.ketamineclinic.patient;

/**
 * Which body weight a weight-based dose is multiplied by (a clinic setting, clinical reference
 * section 5). IDEAL is the Devine ideal body weight, ADJUSTED is IBW + 0.4 x (actual - IBW); both
 * need a height and a sex at birth of FEMALE or MALE.
 */
public enum DosingWeight {
	ACTUAL, IDEAL, ADJUSTED
}
