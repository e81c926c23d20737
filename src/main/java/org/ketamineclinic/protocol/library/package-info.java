/**
 * The protocol library in plain Java: what a protocol says (route, dose rule, titration steps,
 * maximum, schedule of induction and maintenance), the four built-in protocols, the planner that
 * turns a protocol and a start date into planned sessions with earliest and latest dates, and the
 * titration advisor.
 */
@NullMarked
package org.ketamineclinic.protocol.library;

import org.jspecify.annotations.NullMarked;
