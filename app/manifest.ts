import type { MetadataRoute } from "next";
import messages from "@/messages/en.json";

/** The installable reader: one manifest for the site (the interface language is chosen inside it). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: messages.site.name,
    short_name: messages.site.name,
    description: messages.site.description,
    id: "/",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#fdfcf9",
    theme_color: "#f3f1ea",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
