package org.ketamineclinic.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.RunAs;
import org.ketamineclinic.inventory.Product;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Random sequences of every entry type against the real ledger and database, checked after each
 * step against a simple model: the model predicts which entries succeed and which get 409, and
 * the balance of every shelf must equal the model's (never negative), the balance table must equal
 * the sum of the ledger's entries, and the lot's reconciliation must match the model's totals and
 * balance. jqwik does not run on JUnit 6, so sequences come from fixed seeds; a failure names its
 * seed and step.
 */
@ClinicIntegrationTest
class LedgerInvariantsTest {

	static final Product VIAL = Product.KETAMINE_50MG_PER_ML_10ML;
	static final BigDecimal UNIT_MG = VIAL.mgPerUnit();
	static final int SEQUENCES = 12;
	static final int STEPS = 30;

	@Autowired
	Ledger ledger;

	@Autowired
	Discrepancies discrepancies;

	@Autowired
	Reports reports;

	@Autowired
	Locations locations;

	@Autowired
	JdbcTemplate jdbc;

	/** One shelf in the model. */
	static final class Shelf {
		int units;
		BigDecimal mg = BigDecimal.ZERO;

		boolean admits(int du, BigDecimal dmg) {
			int u = units + du;
			BigDecimal m = mg.add(dmg);
			return u >= 0 && m.signum() >= 0 && m.compareTo(UNIT_MG.multiply(BigDecimal.valueOf(u))) <= 0;
		}

		void apply(int du, BigDecimal dmg) {
			units += du;
			mg = mg.add(dmg);
		}
	}

	/** An entry the model knows, enough to predict and apply its reversal. */
	static final class Done {
		final UUID id;
		final EntryType type;
		final UUID location;
		final UUID other;
		final int units;
		final BigDecimal mg;
		Done dispensation;
		final List<Done> remainders = new ArrayList<>();
		boolean reversed;

		Done(UUID id, EntryType type, UUID location, UUID other, int units, BigDecimal mg) {
			this.id = id;
			this.type = type;
			this.location = location;
			this.other = other;
			this.units = units;
			this.mg = mg;
		}

		BigDecimal remaining() {
			BigDecimal used = remainders.stream().filter(r -> !r.reversed).map(r -> r.mg).reduce(BigDecimal.ZERO, BigDecimal::add);
			return mg.subtract(used);
		}
	}

	/** The reconciliation totals the model expects. */
	static final class Totals {
		Reconciliation.Amount received = Reconciliation.Amount.ZERO;
		Reconciliation.Amount leftShelf = Reconciliation.Amount.ZERO;
		Reconciliation.Amount kept = Reconciliation.Amount.ZERO;
		Reconciliation.Amount wasted = Reconciliation.Amount.ZERO;
		Reconciliation.Amount destroyed = Reconciliation.Amount.ZERO;
		Reconciliation.Amount returned = Reconciliation.Amount.ZERO;
		Reconciliation.Amount adjusted = Reconciliation.Amount.ZERO;
		int openDiscrepancies;
	}

	static Reconciliation.Amount amount(int units, BigDecimal mg) {
		return new Reconciliation.Amount(units, mg);
	}

	@Test
	void randomEntrySequencesKeepEveryBalanceExactNonNegativeAndReconciled() {
		ClinicId clinic = new ClinicId(jdbc.queryForObject("SELECT clinic_id FROM user_account WHERE username = 'nurse'",
				UUID.class));
		as(clinic, () -> {
			String suffix = Long.toString(System.nanoTime(), 36);
			UUID a = locations.create(new Locations.NewLocation("Invariant safe " + suffix)).id();
			UUID b = locations.create(new Locations.NewLocation("Invariant cabinet " + suffix)).id();
			for (long seed = 1; seed <= SEQUENCES; seed++) {
				runSequence(seed, a, b);
			}
			assertThat(jdbc.queryForList("SELECT DISTINCT COALESCE(reverses_type, entry_type) FROM inventory_entry "
					+ "WHERE location_id IN (?, ?) OR entry_type = 'WASTE' AND lot LIKE 'INV%'", String.class, a, b))
				.as("the sequences exercised every entry type")
				.containsExactlyInAnyOrder("RECEIPT", "DISPENSATION", "WASTE", "KEPT", "TRANSFER_OUT", "TRANSFER_IN", "RETURN",
						"DESTRUCTION", "COUNT", "ADJUSTMENT");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inventory_entry WHERE entry_type = 'REVERSAL' "
					+ "AND location_id IN (?, ?)", Integer.class, a, b)).as("reversals happened").isPositive();
			return null;
		});
	}

	void runSequence(long seed, UUID a, UUID b) {
		Random random = new Random(seed * 7919);
		String lot = "INV" + seed + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
		String expiry = LocalDate.now().plusYears(1).toString();
		Map<UUID, Shelf> shelves = new HashMap<>(Map.of(a, new Shelf(), b, new Shelf()));
		List<Done> done = new ArrayList<>();
		List<Done> dispensations = new ArrayList<>();
		Totals totals = new Totals();
		List<UUID> places = List.of(a, b);

		for (int step = 0; step < STEPS; step++) {
			String at = "seed " + seed + " step " + step;
			UUID here = places.get(random.nextInt(2));
			Shelf shelf = shelves.get(here);
			int op = step == 0 ? 0 : random.nextInt(11);
			int n = 1 + random.nextInt(3);
			BigDecimal unitsMg = UNIT_MG.multiply(BigDecimal.valueOf(n));
			switch (op) {
				case 0, 1 -> {
					EntryView e = ledger.receive(new Ledger.ReceiptRequest(VIAL.name(), lot, expiry, n + 1, "Supplier", "INV", here));
					shelf.apply(n + 1, UNIT_MG.multiply(BigDecimal.valueOf(n + 1)));
					totals.received = totals.received.plus(amount(n + 1, UNIT_MG.multiply(BigDecimal.valueOf(n + 1))));
					done.add(new Done(e.id(), EntryType.RECEIPT, here, null, n + 1, UNIT_MG.multiply(BigDecimal.valueOf(n + 1))));
				}
				case 2, 3 -> {
					boolean fits = shelf.admits(-n, unitsMg.negate());
					EntryView e = expect(fits, at + " dispense " + n, () -> ledger.dispense(new Ledger.DispensationRequest(
							VIAL.name(), lot, n, UUID.randomUUID(), null, here, null)));
					if (fits) {
						shelf.apply(-n, unitsMg.negate());
						totals.leftShelf = totals.leftShelf.plus(amount(n, unitsMg));
						Done d = new Done(e.id(), EntryType.DISPENSATION, here, null, n, unitsMg);
						done.add(d);
						dispensations.add(d);
					}
				}
				case 4 -> {
					Done d = openDispensation(random, dispensations);
					if (d == null) {
						continue;
					}
					BigDecimal mg = BigDecimal.valueOf(1 + random.nextInt(600));
					boolean fits = d.remaining().compareTo(mg) >= 0;
					EntryView e = expect(fits, at + " waste " + mg, () -> ledger.waste(new Ledger.WasteRequest(VIAL.name(), lot, mg,
							"nurse", ApiClient.DEMO_PASSWORD, null, d.id)));
					if (fits) {
						totals.wasted = totals.wasted.plus(amount(0, mg));
						Done w = new Done(e.id(), EntryType.WASTE, d.location, null, 0, mg);
						w.dispensation = d;
						d.remainders.add(w);
						done.add(w);
					}
				}
				case 5 -> {
					Done d = openDispensation(random, dispensations);
					if (d == null) {
						continue;
					}
					BigDecimal mg = BigDecimal.valueOf(1 + random.nextInt(499));
					boolean fits = d.remaining().compareTo(mg) >= 0 && shelves.get(d.location).admits(1, mg);
					EntryView e = expect(fits, at + " keep " + mg, () -> ledger.keep(new Ledger.KeptRequest(VIAL.name(), lot, mg,
							null, d.id, null)));
					if (fits) {
						shelves.get(d.location).apply(1, mg);
						totals.kept = totals.kept.plus(amount(1, mg));
						Done k = new Done(e.id(), EntryType.KEPT, d.location, null, 1, mg);
						k.dispensation = d;
						d.remainders.add(k);
						done.add(k);
					}
				}
				case 6 -> {
					UUID there = here.equals(a) ? b : a;
					boolean fits = shelf.admits(-n, unitsMg.negate());
					List<EntryView> moved = expect(fits, at + " transfer " + n, () -> ledger.transfer(new Ledger.TransferRequest(
							VIAL.name(), lot, n, here, there, null)));
					if (fits) {
						shelf.apply(-n, unitsMg.negate());
						shelves.get(there).apply(n, unitsMg);
						done.add(new Done(moved.get(0).id(), EntryType.TRANSFER_OUT, here, there, n, unitsMg));
					}
				}
				case 7 -> {
					boolean destroy = random.nextInt(3) == 0;
					boolean fits = shelf.admits(-n, unitsMg.negate());
					EntryView e = expect(fits, at + (destroy ? " destroy " : " return ") + n, () -> destroy
							? ledger.destroy(new Ledger.DestructionRequest(VIAL.name(), lot, n, "expired", "nurse",
									ApiClient.DEMO_PASSWORD, here))
							: ledger.returnToSupplier(new Ledger.ReturnRequest(VIAL.name(), lot, n, "Supplier", "recall", here)));
					if (fits) {
						shelf.apply(-n, unitsMg.negate());
						if (destroy) {
							totals.destroyed = totals.destroyed.plus(amount(n, unitsMg));
						}
						else {
							totals.returned = totals.returned.plus(amount(n, unitsMg));
						}
						done.add(new Done(e.id(), destroy ? EntryType.DESTRUCTION : EntryType.RETURN, here, null, n, unitsMg));
					}
				}
				case 8 -> {
					int counted = Math.max(0, shelf.units + random.nextInt(3) - 1);
					Discrepancies.CountView count = discrepancies.count(new Discrepancies.CountRequest(VIAL.name(), lot, counted,
							here, "SCHEDULED", null));
					assertThat(count.expectedQuantity()).as(at + " count sees the book").isEqualTo(shelf.units);
					assertThat(count.discrepancyId() != null).as(at).isEqualTo(counted != shelf.units);
					if (count.discrepancyId() != null) {
						discrepancies.investigate(count.discrepancyId(), new Discrepancies.NoteRequest("looked"));
						int d = counted - shelf.units;
						BigDecimal dmg = UNIT_MG.multiply(BigDecimal.valueOf(d));
						boolean adjust = random.nextInt(4) != 0;
						boolean fits = !adjust || shelf.admits(d, dmg);
						expect(fits, at + " close with adjustment " + d, () -> discrepancies.close(count.discrepancyId(),
								new Discrepancies.CloseRequest("explained at step " + d, false, adjust)));
						if (fits && adjust) {
							shelf.apply(d, dmg);
							totals.adjusted = totals.adjusted.plus(amount(d, dmg));
						}
						if (!fits) {
							totals.openDiscrepancies++;
						}
					}
				}
				default -> {
					if (done.isEmpty()) {
						continue;
					}
					Done target = done.get(random.nextInt(done.size()));
					boolean fits = reversalFits(target, shelves);
					expect(fits, at + " reverse " + target.type, () -> ledger.reverse(target.id,
							new Ledger.ReversalRequest("random correction")));
					if (fits) {
						applyReversal(target, shelves, totals);
					}
				}
			}
			for (UUID place : places) {
				Shelf model = shelves.get(place);
				Map<String, Object> row = jdbc.queryForList("SELECT quantity, amount_mg FROM inventory_balance WHERE lot = ? "
						+ "AND location_id = ?", lot, place).stream().findFirst().orElse(Map.of("quantity", 0, "amount_mg",
								BigDecimal.ZERO));
				assertThat(((Number) row.get("quantity")).intValue()).as(at + " units on shelf").isEqualTo(model.units)
					.isGreaterThanOrEqualTo(0);
				assertThat(new BigDecimal(row.get("amount_mg").toString())).as(at + " mg on shelf")
					.isEqualByComparingTo(model.mg);
			}
		}

		assertThat(jdbc.queryForObject("""
				SELECT COUNT(*) FROM inventory_balance b
				JOIN (SELECT location_id, SUM(quantity_change) AS q, SUM(amount_mg_change) AS m FROM inventory_entry
				      WHERE lot = ? AND location_id IS NOT NULL GROUP BY location_id) s ON s.location_id = b.location_id
				WHERE b.lot = ? AND (b.quantity <> s.q OR b.amount_mg <> s.m)""", Integer.class, lot, lot))
			.as("seed %d: each balance is the sum of its ledger entries", seed).isZero();
		Reconciliation r = reports.reconciliation(VIAL.name(), lot, null, null);
		String at = "seed " + seed + " reconciliation";
		assertThat(r.opening().isZero()).as(at).isTrue();
		assertThat(r.received()).as(at).isEqualTo(totals.received);
		assertThat(r.wasted()).as(at).isEqualTo(totals.wasted);
		assertThat(r.dispensed()).as(at).isEqualTo(totals.leftShelf.minus(totals.kept).minus(totals.wasted));
		assertThat(r.destroyed()).as(at).isEqualTo(totals.destroyed);
		assertThat(r.returned()).as(at).isEqualTo(totals.returned);
		assertThat(r.adjusted()).as(at).isEqualTo(totals.adjusted);
		Shelf sa = shelves.get(a);
		Shelf sb = shelves.get(b);
		assertThat(r.onHand()).as(at).isEqualTo(amount(sa.units + sb.units, sa.mg.add(sb.mg)));
		assertThat(r.received().minus(r.dispensed()).minus(r.wasted()).minus(r.destroyed()).minus(r.returned())
			.minus(r.onHand()).plus(r.adjusted()).isZero()).as(at + ": received = dispensed + wasted + destroyed + returned "
					+ "+ on hand, apart from explained adjustments").isTrue();
		assertThat(r.openDiscrepancies()).as(at).hasSize(totals.openDiscrepancies);
		assertThat(r.balanced()).as(at).isEqualTo(totals.openDiscrepancies == 0);
	}

	static Done openDispensation(Random random, List<Done> dispensations) {
		List<Done> open = dispensations.stream().filter(d -> !d.reversed).toList();
		return open.isEmpty() ? null : open.get(random.nextInt(open.size()));
	}

	static boolean reversalFits(Done target, Map<UUID, Shelf> shelves) {
		if (target.reversed) {
			return false;
		}
		return switch (target.type) {
			case RECEIPT -> shelves.get(target.location).admits(-target.units, target.mg.negate());
			case DISPENSATION -> target.remainders.stream().allMatch(r -> r.reversed)
					&& shelves.get(target.location).admits(target.units, target.mg);
			case WASTE -> true;
			case KEPT -> shelves.get(target.location).admits(-1, target.mg.negate());
			case TRANSFER_OUT -> shelves.get(target.other).admits(-target.units, target.mg.negate());
			case RETURN, DESTRUCTION -> shelves.get(target.location).admits(target.units, target.mg);
			default -> false;
		};
	}

	static void applyReversal(Done target, Map<UUID, Shelf> shelves, Totals totals) {
		target.reversed = true;
		Reconciliation.Amount moved = amount(target.units, target.mg);
		switch (target.type) {
			case RECEIPT -> {
				shelves.get(target.location).apply(-target.units, target.mg.negate());
				totals.received = totals.received.minus(moved);
			}
			case DISPENSATION -> {
				shelves.get(target.location).apply(target.units, target.mg);
				totals.leftShelf = totals.leftShelf.minus(moved);
			}
			case WASTE -> totals.wasted = totals.wasted.minus(amount(0, target.mg));
			case KEPT -> {
				shelves.get(target.location).apply(-1, target.mg.negate());
				totals.kept = totals.kept.minus(amount(1, target.mg));
			}
			case TRANSFER_OUT -> {
				shelves.get(target.location).apply(target.units, target.mg);
				shelves.get(target.other).apply(-target.units, target.mg.negate());
			}
			case RETURN -> {
				shelves.get(target.location).apply(target.units, target.mg);
				totals.returned = totals.returned.minus(moved);
			}
			case DESTRUCTION -> {
				shelves.get(target.location).apply(target.units, target.mg);
				totals.destroyed = totals.destroyed.minus(moved);
			}
			default -> throw new IllegalStateException();
		}
	}

	/** Runs an entry the model expects to succeed, or to be refused as a conflict with nothing stored. */
	static <T> T expect(boolean succeeds, String what, Supplier<T> call) {
		try {
			T result = call.get();
			assertThat(succeeds).as(what + " succeeded but the model expected a refusal").isTrue();
			return result;
		}
		catch (Conflict | NotFound refused) {
			assertThat(succeeds).as(what + " was refused (" + refused.getMessage() + ") but the model expected success")
				.isFalse();
			return null;
		}
	}

	static <T> T as(ClinicId clinic, Supplier<T> work) {
		return RunAs.systemActor(clinic, "ledger-invariants", Role.PHYSICIAN, work);
	}
}
