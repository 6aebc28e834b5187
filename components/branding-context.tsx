"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Branding } from "@/components/brand";

// Client error boundaries cannot read the server's configuration, so the root layout hands it down.
const BrandingContext = createContext<Branding | null>(null);

export function BrandingProvider({ branding, children }: { branding: Branding; children: ReactNode }) {
  return <BrandingContext value={branding}>{children}</BrandingContext>;
}

export function useBranding(): Branding | null {
  return useContext(BrandingContext);
}
