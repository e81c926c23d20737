package org.ketamineclinic.assessment;

/** The rating scales of clinical reference section 4, by their API codes. */
public enum Instrument {
	PHQ9, GAD7, PCL5, QIDS_SR16, MADRS, CSSRS_SCREENER, CADSS, MOAAS, ALDRETE, BPRS_POSITIVE
}
