/**
 * The controlled-substance ledger for ketamine and esketamine (clinical reference section 8):
 * products, storage locations, lots with expiry, append-only entries signed by the acting user,
 * balances that the database keeps from going negative, counts and discrepancies, reconciliation
 * and the dispensing log.
 */
@NullMarked
@ApplicationModule(displayName = "Inventory", allowedDependencies = { "identity", "audit", "patient", "platform" })
package org.ketamineclinic.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
