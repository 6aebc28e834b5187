import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/require-user";

export default async function Home() {
  redirect((await currentSession()) ? "/account" : "/sign-in");
}
