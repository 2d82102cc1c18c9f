import type { Messages } from "../messages";

export const needs: Messages["needs"] = {};
