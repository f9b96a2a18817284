import { serveSuggestions } from "@/lib/api/search";

export const { GET, HEAD, OPTIONS } = serveSuggestions();
