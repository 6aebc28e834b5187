import { authenticatorHandler, authenticatorJson } from "@/lib/api/authenticator/authenticator-handler";
import { getVapidPublicKey } from "@/lib/push/vapid-keys";

/** Public by nature: every push service sees it, and the app needs it before it has subscribed. */
export const GET = authenticatorHandler(async () => authenticatorJson({ publicKey: await getVapidPublicKey() }));
