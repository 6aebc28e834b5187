import "server-only";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translatorFor, type Namespace } from "@/lib/i18n/translator";

/** A server component's `t`, in the request's language: `const t = await serverTranslator("devices")`. */
export async function serverTranslator<N extends Namespace>(namespace: N) {
  return translatorFor(await requestLocale(), namespace);
}
