package org.ketamineclinic.session.internal;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.Map;
import java.util.HashMap;
import java.math.RoundingMode;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.inventory.ControlledSubstances;
import org.ketamineclinic.inventory.ControlledSubstances.LotInStock;
import org.ketamineclinic.inventory.ControlledSubstances.Remainder;
import org.ketamineclinic.inventory.ControlledSubstances.SessionDispensation;
import org.ketamineclinic.inventory.Product;
import org.ketamineclinic.platform.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * The one place a session touches drug lots: an administration draws whole units of a lot in stock
 * from the controlled-substance ledger, in the same transaction, so a dose and its ledger entry
 * stand or fall together; discharge asks the ledger whether the opened units' remainder has been
 * wasted under witness or kept (clinical reference section 8).
 */
@Component
class Lots {

	static final int MAX_LENGTH = 64;

	static final List<Product> RACEMIC = List.of(Product.KETAMINE_10MG_PER_ML_20ML, Product.KETAMINE_50MG_PER_ML_10ML,
			Product.KETAMINE_100MG_PER_ML_5ML);

	private final ControlledSubstances ledger;

	Lots(ControlledSubstances ledger) {
		this.ledger = ledger;
	}

	/** The lots a session of this route may give from, soonest expiry first within each product: the administration form's choices. */
	List<LotInStock> inStock(Route route) {
		return products(route).stream().flatMap(product -> ledger.lotsInStock(product).stream()).toList();
	}

	private static List<Product> products(Route route) {
		return route == Route.IN_ESKETAMINE ? List.of(Product.ESKETAMINE_28MG_DEVICE) : RACEMIC;
	}

	/** The lot as recorded on the administration; 400 when it is missing or too long. */
	String draw(@Nullable String lot) {
		if (lot == null || lot.isBlank()) {
			throw new InvalidInput("lot", "is required");
		}
		String text = lot.strip();
		if (text.length() > MAX_LENGTH) {
			throw new InvalidInput("lot", "must be at most " + MAX_LENGTH + " characters");
		}
		return text;
	}

	/**
	 * Takes the units a dose needs off the shelf: one device per esketamine administration, or as
	 * many whole vials as the milligrams need. A lot that is not in stock (or has expired) is 400;
	 * too few units on the shelf is the ledger's 409.
	 */
	void dispense(DosingSession session, String lot, BigDecimal doseMg) {
		LotInStock stock = inStock(session.route()).stream()
			.filter(candidate -> candidate.lot().equals(lot))
			.findFirst()
			.orElseThrow(() -> new InvalidInput("lot", lot + " is not a lot of " + (session.route() == Route.IN_ESKETAMINE
					? "esketamine devices" : "ketamine vials") + " in stock and in date at this clinic"));
		int units = doseMg.divide(stock.product().mgPerUnit(), 0, RoundingMode.CEILING).intValueExact();
		ledger.dispenseForSession(new SessionDispensation(session.id(), session.patientId(), stock.product(), lot, Math.max(1, units),
				stock.locationId()));
	}

	/** How the units dispensed for the session are accounted for, given what it administered. */
	Remainder remainder(DosingSession session, BigDecimal administeredMg) {
		return ledger.remainder(session.id(), administeredMg);
	}

	/** The remainders of every dosed session in the list, in one ledger query, by session id. */
	Map<UUID, Remainder> remainders(List<DosingSession> sessions) {
		Map<UUID, BigDecimal> given = new HashMap<>();
		sessions.stream().filter(s -> s.firstDoseAt() != null).forEach(s -> given.put(s.id(), s.givenDoseMg()));
		return given.isEmpty() ? Map.of() : ledger.remainders(given);
	}
}
