import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/**
 * NIST SP 800-63B 3.1.1.2: new passwords SHALL be checked against common, expected and compromised
 * values. zxcvbn-ts estimates guesses against lists shipped in the npm packages (leaked-password
 * rankings, common words, keyboard patterns), offline. Server-only: the lists are large and the
 * browser has no need of them.
 */
let zxcvbn: ZxcvbnFactory | undefined;

/** Below zxcvbn's score 3 ("safely unguessable: moderate protection from offline slow-hash attacks"). */
const MIN_SCORE = 3;

/** Why the password is refused, in words for the person choosing it; null when it is fine. */
export function passwordWeakness(password: string, personal: string[] = []): string | null {
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
    return "This password is on lists of common and breached passwords. Choose one that is not, for example a phrase of a few unrelated words.";
  }
  if (warning === "userInputs") return "This password contains your name or email. Choose one that does not.";
  return "This password is too easy to guess. Add more words, or choose less predictable ones.";
}
