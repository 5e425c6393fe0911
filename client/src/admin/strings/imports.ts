/** The organizer console's imports strings. English is the source of keys; Dutch must have every one. */
export const en = {
  "admin.imports.heading": "Import people from a file",
  "admin.imports.intro":
    "Choose a CSV file (saved from a spreadsheet, with a header row). You see what it would change before anything is written.",
  "admin.imports.file": "CSV file",
  "admin.imports.invite.later":
    "New people in the import get their invitation e-mail at the event's invitation time, {at}. People already registered get no second one.",
  "admin.imports.invite.passed":
    "The invitation time ({at}) has passed: new people in the import get their invitation e-mail at once, as soon as the import writes them.",
  "admin.imports.invite.running":
    "The event is running: new people in the import get their invitation e-mail at once, as soon as the import writes them.",
  "admin.imports.invite.ended":
    "The event has ended, yet new people in the import still get their invitation e-mail at once, as soon as the import writes them.",
  "admin.imports.reading": "Reading the file…",
  "admin.imports.file.empty": "The file is empty. It needs a header row and one row per person.",
  "admin.imports.file.noPeople": "The file has a header row but no people.",
  "admin.imports.file.tooMany":
    "The file has more than {max, plural, one {# person} other {# people}}. Split it and import the parts one after the other.",
  "admin.imports.file.malformed":
    "Row {row} cannot be read ({detail}). Save the sheet as CSV again and choose it once more.",
  "admin.imports.columns.caption": "What each column of the file holds",
  "admin.imports.columns.column": "Column in the file",
  "admin.imports.columns.holds": "Holds",
  "admin.imports.columns.example": "First person",
  "admin.imports.columns.holdsOf": "What the column {column} holds",
  "admin.imports.holds.email": "E-mail address",
  "admin.imports.holds.name": "Name",
  "admin.imports.holds.language": "Language",
  "admin.imports.holds.role": "Role",
  "admin.imports.holds.selections": "Sessions chosen",
  "admin.imports.holds.ignored": "Leave out",
  "admin.imports.holds.field": "Form question: {label}",
  "admin.imports.holds.extra": "Extra detail: {key}",
  "admin.imports.check": "Check {count} rows",
  "admin.imports.checking": "Checking {count} rows…",
  "admin.imports.preview.heading": "What the import would do",
  "admin.imports.preview.new": "New",
  "admin.imports.preview.updated": "Updated",
  "admin.imports.preview.unchanged": "Unchanged",
  "admin.imports.preview.invalid": "With errors",
  "admin.imports.problems.caption": "Rows with errors",
  "admin.imports.problems.row": "Row",
  "admin.imports.problems.column": "Column",
  "admin.imports.problems.reason": "Problem",
  "admin.imports.problem.required": "Empty: this column needs a value.",
  "admin.imports.problem.too_long": "Too long: at most {max} characters.",
  "admin.imports.problem.invalid_email": "Not an e-mail address such as name@example.com.",
  "admin.imports.problem.control_characters": "Contains invisible control characters; retype it.",
  "admin.imports.problem.duplicate_email": "The same e-mail address is on row {line} already.",
  "admin.imports.problem.not_one_of": "Not one of the allowed values: {options}.",
  "admin.imports.problem.invalid_key":
    "This column cannot be an extra detail: its name needs 1–40 of a-z 0-9 _, starting with a letter.",
  "admin.imports.problem.single_value": "Only one value is allowed here.",
  "admin.imports.problem.unknown_session": 'This event has no session "{session}".',
  "admin.imports.problems.more": "{count, plural, one {# more problem is} other {# more problems are}} not listed.",
  "admin.imports.problems.fix":
    "Fix these rows in your sheet, save it, and choose the file again to check it once more. Or import the other rows and leave these out.",
  "admin.imports.start": "Import {count, plural, one {# person} other {# people}}",
  "admin.imports.startSkipping":
    "Import {count, plural, one {# person} other {# people}}, leave out {invalid, plural, one {# row} other {# rows}} with errors",
  "admin.imports.nothing": "Nothing to import: no row would add or change anyone.",
  "admin.imports.job.label": "Import progress",
  "admin.imports.job.running":
    "Importing: {done} of {total} rows written{failed, plural, =0 {} one {, # left out} other {, # left out}}.",
  "admin.imports.job.done":
    "Import finished: {created} new, {updated} updated, {unchanged} unchanged{failed, plural, =0 {} one {, # row left out} other {, # rows left out}}.",
  "admin.imports.job.leave":
    "You can leave this page: the import goes on without it, and its progress shows here when you come back.",
  "admin.imports.progress": "{done} of {total}",
  "admin.imports.filter.role": "Role",
  "admin.imports.filter.anyRole": "Any role",
  "admin.imports.filter.invitation": "Invitation",
  "admin.imports.filter.anyInvitation": "Any",
  "admin.imports.filter.none": "No invitation",
  "admin.imports.filter.queued": "Not sent yet",
  "admin.imports.filter.sending": "Being sent",
  "admin.imports.filter.sent": "Sent",
  "admin.imports.filter.failed": "Failed",
  "admin.imports.send": "Send invitations to these {count}",
  "admin.imports.send.title": "Send invitations to {count, plural, one {# person} other {# people}} now?",
  "admin.imports.send.body":
    "Everyone the list shows with this search and filter ({count, plural, one {# person} other {# people}}) gets their invitation now, except people whose invitation was already sent. Sent e-mails cannot be called back.",
  "admin.imports.send.ok": "Send to {count}",
  "admin.imports.batch.heading": "Invitations to {matched, plural, one {# person} other {# people}}",
  "admin.imports.batch.label": "Invitation progress",
  "admin.imports.batch.counts": "{sent} sent, {queued} waiting, {failed} failed.",
  "admin.imports.batch.skipped":
    "{skipped, plural, one {# person} other {# people}} left out: already sent, on the way, or their link was revoked.",
  "admin.imports.batch.none": "No one to send to: everyone the filter matched already had their invitation.",
} as const;

export const nl: Record<keyof typeof en, string> = {
  "admin.imports.heading": "Mensen importeren uit een bestand",
  "admin.imports.intro":
    "Kies een CSV-bestand (opgeslagen vanuit een spreadsheet, met een kopregel). Je ziet wat het zou veranderen voordat er iets wordt opgeslagen.",
  "admin.imports.file": "CSV-bestand",
  "admin.imports.invite.later":
    "Nieuwe mensen uit de import krijgen hun uitnodiging per e-mail op het uitnodigingstijdstip van het evenement, {at}. Wie al ingeschreven is, krijgt geen tweede.",
  "admin.imports.invite.passed":
    "Het uitnodigingstijdstip ({at}) is voorbij: nieuwe mensen uit de import krijgen hun uitnodiging meteen, zodra de import ze opslaat.",
  "admin.imports.invite.running":
    "Het evenement is bezig: nieuwe mensen uit de import krijgen hun uitnodiging meteen, zodra de import ze opslaat.",
  "admin.imports.invite.ended":
    "Het evenement is voorbij, maar nieuwe mensen uit de import krijgen hun uitnodiging toch meteen, zodra de import ze opslaat.",
  "admin.imports.reading": "Het bestand wordt gelezen…",
  "admin.imports.file.empty": "Het bestand is leeg. Er moet een kopregel in staan en één regel per persoon.",
  "admin.imports.file.noPeople": "Het bestand heeft een kopregel maar geen mensen.",
  "admin.imports.file.tooMany":
    "Het bestand bevat meer dan {max, plural, one {# persoon} other {# mensen}}. Splits het en importeer de delen na elkaar.",
  "admin.imports.file.malformed":
    "Regel {row} is niet te lezen ({detail}). Sla het blad opnieuw op als CSV en kies het nog eens.",
  "admin.imports.columns.caption": "Wat elke kolom van het bestand bevat",
  "admin.imports.columns.column": "Kolom in het bestand",
  "admin.imports.columns.holds": "Bevat",
  "admin.imports.columns.example": "Eerste persoon",
  "admin.imports.columns.holdsOf": "Wat de kolom {column} bevat",
  "admin.imports.holds.email": "E-mailadres",
  "admin.imports.holds.name": "Naam",
  "admin.imports.holds.language": "Taal",
  "admin.imports.holds.role": "Rol",
  "admin.imports.holds.selections": "Gekozen sessies",
  "admin.imports.holds.ignored": "Weglaten",
  "admin.imports.holds.field": "Formuliervraag: {label}",
  "admin.imports.holds.extra": "Extra gegeven: {key}",
  "admin.imports.check": "{count} regels controleren",
  "admin.imports.checking": "{count} regels worden gecontroleerd…",
  "admin.imports.preview.heading": "Wat de import zou doen",
  "admin.imports.preview.new": "Nieuw",
  "admin.imports.preview.updated": "Bijgewerkt",
  "admin.imports.preview.unchanged": "Ongewijzigd",
  "admin.imports.preview.invalid": "Met fouten",
  "admin.imports.problems.caption": "Regels met fouten",
  "admin.imports.problems.row": "Regel",
  "admin.imports.problems.column": "Kolom",
  "admin.imports.problems.reason": "Probleem",
  "admin.imports.problem.required": "Leeg: deze kolom moet een waarde hebben.",
  "admin.imports.problem.too_long": "Te lang: hoogstens {max} tekens.",
  "admin.imports.problem.invalid_email": "Geen e-mailadres zoals naam@voorbeeld.nl.",
  "admin.imports.problem.control_characters": "Bevat onzichtbare stuurtekens; typ het opnieuw.",
  "admin.imports.problem.duplicate_email": "Hetzelfde e-mailadres staat al op regel {line}.",
  "admin.imports.problem.not_one_of": "Geen van de toegestane waarden: {options}.",
  "admin.imports.problem.invalid_key":
    "Deze kolom kan geen extra gegeven zijn: de naam moet 1–40 tekens a-z 0-9 _ hebben en met een letter beginnen.",
  "admin.imports.problem.single_value": "Hier mag maar één waarde staan.",
  "admin.imports.problem.unknown_session": 'Dit evenement heeft geen sessie "{session}".',
  "admin.imports.problems.more":
    "{count, plural, one {Nog # probleem staat} other {Nog # problemen staan}} niet in de lijst.",
  "admin.imports.problems.fix":
    "Verbeter deze regels in je blad, sla het op en kies het bestand opnieuw om het nog eens te controleren. Of importeer de andere regels en laat deze weg.",
  "admin.imports.start": "{count, plural, one {# persoon} other {# mensen}} importeren",
  "admin.imports.startSkipping":
    "{count, plural, one {# persoon} other {# mensen}} importeren, {invalid, plural, one {# regel} other {# regels}} met fouten weglaten",
  "admin.imports.nothing": "Niets te importeren: geen enkele regel voegt iemand toe of verandert iets.",
  "admin.imports.job.label": "Voortgang van de import",
  "admin.imports.job.running":
    "Bezig met importeren: {done} van {total} regels opgeslagen{failed, plural, =0 {} one {, # weggelaten} other {, # weggelaten}}.",
  "admin.imports.job.done":
    "Import klaar: {created} nieuw, {updated} bijgewerkt, {unchanged} ongewijzigd{failed, plural, =0 {} one {, # regel weggelaten} other {, # regels weggelaten}}.",
  "admin.imports.job.leave":
    "Je kunt deze pagina verlaten: de import gaat zonder haar door, en de voortgang staat hier weer als je terugkomt.",
  "admin.imports.progress": "{done} van {total}",
  "admin.imports.filter.role": "Rol",
  "admin.imports.filter.anyRole": "Elke rol",
  "admin.imports.filter.invitation": "Uitnodiging",
  "admin.imports.filter.anyInvitation": "Alle",
  "admin.imports.filter.none": "Geen uitnodiging",
  "admin.imports.filter.queued": "Nog niet verstuurd",
  "admin.imports.filter.sending": "Wordt verstuurd",
  "admin.imports.filter.sent": "Verstuurd",
  "admin.imports.filter.failed": "Mislukt",
  "admin.imports.send": "Stuur uitnodigingen naar deze {count}",
  "admin.imports.send.title": "Nu uitnodigingen sturen naar {count, plural, one {# persoon} other {# mensen}}?",
  "admin.imports.send.body":
    "Iedereen die de lijst met deze zoekopdracht en dit filter toont ({count, plural, one {# persoon} other {# mensen}}) krijgt nu de uitnodiging, behalve wie die al heeft gekregen. Verstuurde e-mails kun je niet terughalen.",
  "admin.imports.send.ok": "Naar {count} sturen",
  "admin.imports.batch.heading": "Uitnodigingen aan {matched, plural, one {# persoon} other {# mensen}}",
  "admin.imports.batch.label": "Voortgang van de uitnodigingen",
  "admin.imports.batch.counts": "{sent} verstuurd, {queued} wachtend, {failed} mislukt.",
  "admin.imports.batch.skipped":
    "{skipped, plural, one {# persoon} other {# mensen}} overgeslagen: al verstuurd, onderweg, of de link is ingetrokken.",
  "admin.imports.batch.none": "Niemand om naar te sturen: iedereen die het filter vond, had de uitnodiging al.",
};
