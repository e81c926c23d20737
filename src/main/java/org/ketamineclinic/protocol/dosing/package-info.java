/**
 * The dose calculator of clinical reference section 5 in plain Java: dosing weight, dose in mg of
 * ketamine base, vial draw volume, pump rate, esketamine devices, and the named warning policies.
 */
@NullMarked
package org.ketamineclinic.protocol.dosing;

import org.jspecify.annotations.NullMarked;
