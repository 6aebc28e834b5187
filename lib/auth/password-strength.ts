import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "@/lib/errors/app-error";
import { inEnglish, text, type Text } from "@/lib/i18n/text";

/**
 * NIST SP 800-63B 3.1.1.2: new passwords SHALL be checked against common, expected and compromised
 * values. zxcvbn-ts estimates guesses against lists shipped in the npm packages (leaked-password
 * rankings, common words, keyboard patterns), offline. Server-only: the lists are large and the
 * browser has no need of them.
 */
let zxcvbn: ZxcvbnFactory | undefined;

/** Below zxcvbn's score 3 ("safely unguessable: moderate protection from offline slow-hash attacks"). */
const MIN_SCORE = 3;

/** Why the password is refused, in words for the person choosing it (a Text); null when it is fine. */
export function passwordWeakness(password: string, personal: string[] = []): Text | null {
  zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  // Parts of the person's own name and email make poor passwords too.
  // Whole, as the email's local part, run together ("niamhnewcomer") and word by word.
  const inputs = personal
    .flatMap((p) => {
      const local = p.split("@")[0] ?? p;
      return [p, local, local.replace(/[\s.+_-]+/g, ""), ...p.split(/[\s@.+_-]+/)];
    })
    .filter((p) => p.length >= 3);
  const result = zxcvbn.check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning;
  if (warning === "common" || warning === "similarToCommon" || warning === "topTen" || warning === "topHundred" || warning === "pwned") {
    return text("signIn.weakness.common");
  }
  if (warning === "userInputs") return text("signIn.weakness.personal");
  return text("signIn.weakness.guessable");
}

/**
 * A refused new password: "Please choose a stronger password.", with the reason on the password field.
 * The pages word both in the reader's language (localizedError words the message; the action words
 * `weakness` on the field); the field error in English stays for anything else that reads it.
 */
export class WeakPasswordError extends AppError {
  constructor(readonly weakness: Text) {
    super("VALIDATION", text("signIn.signUp.strongerPassword"), { password: [inEnglish(weakness)] });
  }
}
