import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { config } from "@/lib/config";

// next-auth v4 reads its own base URL from NEXTAUTH_URL; default it to the app's URL.
process.env.NEXTAUTH_URL ??= config().appUrl;

const handler = NextAuth(authOptions());
export { handler as GET, handler as POST };
