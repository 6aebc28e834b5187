"use client";
import { useRouter } from "next/navigation";
import { authClient } from "@/lib/auth-client";

export function AddPasskey() {
  const router = useRouter();
  return (
    <button type="button" onClick={() => authClient.passkey.addPasskey().then(() => router.refresh())}>
      Add a passkey
    </button>
  );
}
