-- Informed-consent documents, one per route, versioned: publishing a change adds a row with the
-- next version and never edits a published text, so every signature points at the words it
-- agreed to. clinic_id NULL is the platform's default text; a clinic publishes its own versions.
CREATE TABLE consent_document
(
  id           UUID PRIMARY KEY,
  clinic_id    UUID,
  code         VARCHAR(60) NOT NULL,
  version      INT NOT NULL CHECK (version >= 1),
  route        VARCHAR(20) NOT NULL CHECK (route IN ('IV_KETAMINE', 'IM_KETAMINE', 'IN_ESKETAMINE')),
  title        VARCHAR(200) NOT NULL,
  body         TEXT NOT NULL,
  published_at TIMESTAMP WITH TIME ZONE NOT NULL,
  published_by VARCHAR(100) NOT NULL
);
CREATE UNIQUE INDEX consent_document_version_uq
  ON consent_document (COALESCE(clinic_id, '00000000-0000-0000-0000-000000000000'::uuid), code, version);

-- A signature: the typed name, the explicit agreement, when, from which address, who recorded
-- it, and later the staff countersignature. The PDF is rendered when it is signed and again
-- when it is countersigned.
CREATE TABLE consent_signature
(
  id               UUID PRIMARY KEY,
  clinic_id        UUID NOT NULL,
  patient_id       UUID NOT NULL,
  document_id      UUID NOT NULL REFERENCES consent_document (id),
  document_code    VARCHAR(60) NOT NULL,
  document_version INT NOT NULL,
  route            VARCHAR(20) NOT NULL,
  signer_name      VARCHAR(200) NOT NULL,
  agreed           BOOLEAN NOT NULL CHECK (agreed),
  signed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  client_address   VARCHAR(100) NOT NULL,
  recorded_by      VARCHAR(100) NOT NULL,
  recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  countersigned_by VARCHAR(100),
  countersigned_at TIMESTAMP WITH TIME ZONE,
  pdf              BYTEA NOT NULL
);
CREATE INDEX consent_signature_patient_idx ON consent_signature (clinic_id, patient_id, recorded_at);

-- Published texts never change; a signature changes once, to add the countersignature (and its PDF).
CREATE FUNCTION consent_document_is_immutable() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'consent_document is immutable: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER consent_document_immutable BEFORE UPDATE OR DELETE ON consent_document
  FOR EACH ROW EXECUTE FUNCTION consent_document_is_immutable();

CREATE FUNCTION consent_signature_countersign_only() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.countersigned_at IS NOT NULL
     OR NEW.patient_id <> OLD.patient_id OR NEW.document_id <> OLD.document_id
     OR NEW.signer_name <> OLD.signer_name OR NEW.signed_at <> OLD.signed_at
     OR NEW.client_address <> OLD.client_address OR NEW.recorded_by <> OLD.recorded_by
     OR NEW.recorded_at <> OLD.recorded_at THEN
    RAISE EXCEPTION 'consent_signature may only be countersigned once: % is not allowed', TG_OP;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER consent_signature_countersign_only BEFORE UPDATE OR DELETE ON consent_signature
  FOR EACH ROW EXECUTE FUNCTION consent_signature_countersign_only();

-- The default texts. Paragraphs are separated by a blank line; a line starting with "- " is a list item.
INSERT INTO consent_document (id, clinic_id, code, version, route, title, body, published_at, published_by) VALUES
('6f1d2c8a-3b51-4e0e-9a51-1c0e00000001', NULL, 'IV_KETAMINE_CONSENT', 1, 'IV_KETAMINE',
 'Consent to intravenous ketamine treatment for depression',
'What this treatment is

You are being offered a course of ketamine given slowly into a vein (an intravenous infusion) to treat depression. The ketamine used is racemic ketamine, a medicine licensed as an anaesthetic. Its use for depression is off-label: the US Food and Drug Administration (FDA) has not approved racemic ketamine for treating depression. Your doctor recommends it on the basis of published research and clinical experience, not an approved indication.

What you may notice

- During the infusion many people feel detached, dreamlike or unreal, see or hear things differently, or feel numb. These effects usually fade within an hour or two after the infusion ends.
- Some people feel their mood lift within hours or days; others improve more slowly or not at all. Improvement is not guaranteed and, when it comes, may not last without further treatment.

Risks and side effects

- Dissociation: feeling separated from your body or surroundings, which can be unpleasant or frightening.
- A rise in blood pressure and heart rate during and shortly after the infusion.
- Nausea or vomiting, dizziness, headache and blurred vision.
- Sedation and drowsiness that can last for the rest of the day.
- Misuse: ketamine can be misused and can lead to dependence.
- Bladder problems: heavy, frequent, long-term ketamine use has caused bladder inflammation and damage to the urinary tract.
- The long-term effects of repeated treatment for depression are not yet known.

Other options

You do not have to have this treatment. Alternatives include other antidepressant medicines, psychotherapy, electroconvulsive therapy (ECT), transcranial magnetic stimulation (TMS) and esketamine nasal spray, which is FDA-approved for some forms of depression. Your doctor can explain how these compare for you.

Monitoring and safety

A trained clinician watches you throughout each infusion and afterwards, checking your blood pressure, heart rate, breathing and how you feel, until you are fit to leave. A responsible adult must take you home. Do not drive, cycle, operate machinery or make important decisions until the next day, after a night of sleep.

Your rights

You may ask questions at any time, and you may stop the infusion or the course at any time, without it affecting the rest of your care.

By signing, you confirm that you have read this document, that your questions have been answered, and that you agree to receive intravenous ketamine.',
 TIMESTAMP WITH TIME ZONE '2026-11-20 00:00:00+00', 'system'),
('6f1d2c8a-3b51-4e0e-9a51-1c0e00000002', NULL, 'IM_KETAMINE_CONSENT', 1, 'IM_KETAMINE',
 'Consent to intramuscular ketamine treatment for depression',
'What this treatment is

You are being offered a course of ketamine given as an injection into a muscle (intramuscular) to treat depression. The ketamine used is racemic ketamine, a medicine licensed as an anaesthetic. Its use for depression is off-label: the US Food and Drug Administration (FDA) has not approved racemic ketamine for treating depression. Your doctor recommends it on the basis of published research and clinical experience, not an approved indication.

What you may notice

- Within minutes of the injection many people feel detached, dreamlike or unreal, or notice changes in sight, sound or touch. These effects usually fade within one to two hours.
- Some people feel their mood lift within hours or days; others improve more slowly or not at all. Improvement is not guaranteed and may not last without further treatment.
- Because an injection cannot be slowed or stopped once given, the dose is chosen carefully and you are watched closely.

Risks and side effects

- Dissociation: feeling separated from your body or surroundings, which can be unpleasant or frightening.
- A rise in blood pressure and heart rate after the injection.
- Nausea or vomiting, dizziness, headache, and soreness where the injection was given.
- Sedation and drowsiness that can last for the rest of the day.
- Misuse: ketamine can be misused and can lead to dependence.
- Bladder problems: heavy, frequent, long-term ketamine use has caused bladder inflammation and damage to the urinary tract.
- The long-term effects of repeated treatment for depression are not yet known.

Other options

You do not have to have this treatment. Alternatives include other antidepressant medicines, psychotherapy, electroconvulsive therapy (ECT), transcranial magnetic stimulation (TMS), intravenous ketamine and esketamine nasal spray, which is FDA-approved for some forms of depression.

Monitoring and safety

A trained clinician stays with you after each injection, checking your blood pressure, heart rate, breathing and how you feel, until you are fit to leave. A responsible adult must take you home. Do not drive, cycle, operate machinery or make important decisions until the next day, after a night of sleep.

Your rights

You may ask questions at any time, and you may decline any injection or stop the course at any time, without it affecting the rest of your care.

By signing, you confirm that you have read this document, that your questions have been answered, and that you agree to receive intramuscular ketamine.',
 TIMESTAMP WITH TIME ZONE '2026-11-20 00:00:00+00', 'system'),
('6f1d2c8a-3b51-4e0e-9a51-1c0e00000003', NULL, 'ESKETAMINE_CONSENT', 1, 'IN_ESKETAMINE',
 'Consent to esketamine nasal spray treatment',
'What this treatment is

You are being offered esketamine, a nasal spray related to ketamine. In the United States it is FDA-approved for adults with treatment-resistant depression, used together with an antidepressant taken by mouth, and for adults with depressive symptoms and acute suicidal thoughts or behaviour, also together with an oral antidepressant. You take the spray yourself under the direct supervision of a clinician.

Where and how it is given (REMS)

Because of the risks of sedation, dissociation and misuse, esketamine is available only through a restricted programme called a REMS (Risk Evaluation and Mitigation Strategy). It is given only in a healthcare setting certified under the REMS. You will never take a spray home. After each dose a healthcare professional observes you for at least 2 hours, until you are safe to leave. You will be enrolled in the REMS before your first dose, and a monitoring form is sent to the programme after each session.

What you may notice

- Feeling detached, dreamlike or unreal, dizziness, and changes in how things look or sound, mostly in the first hour or two after a dose.
- Sleepiness, sometimes strong.
- Improvement in mood may take several sessions and is not guaranteed.

Risks and side effects

- Sedation: you may become very drowsy; staff will check how alert you are.
- Dissociation: feeling separated from your body or surroundings.
- A rise in blood pressure, usually in the first hour or two after a dose; your blood pressure is checked before and after each dose.
- Nausea or vomiting, a strange taste, and a numb or irritated nose or throat.
- Misuse: esketamine is a controlled substance and can be misused.
- Long-term effects are still being studied.

Monitoring and safety

A responsible adult should take you home. Do not drive, cycle, operate machinery or make important decisions until the next day, after a night of sleep.

Your rights

You may ask questions at any time, and you may decline a dose or stop treatment at any time, without it affecting the rest of your care. Other options remain open to you, including other antidepressant medicines, psychotherapy, electroconvulsive therapy (ECT) and transcranial magnetic stimulation (TMS).

By signing, you confirm that you have read this document, that your questions have been answered, and that you agree to receive esketamine nasal spray under these conditions.',
 TIMESTAMP WITH TIME ZONE '2026-11-20 00:00:00+00', 'system');
