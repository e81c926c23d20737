package org.ketamineclinic.protocol.pk;

/** How a regimen entry is given. */
public enum PkRoute {
	IV_INFUSION, IM, INTRANASAL
}
