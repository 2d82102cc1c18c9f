/**
 * The saver's part of « Mon espace », gathered from the clubs, pledges,
 * tontines and cagnotte models.
 */
import type { Db } from "~/utils/db.server";
import { listMyClubs } from "./club.server";
import { listMyDonations } from "./cagnotte.server";
import { listMyPledges } from "./pledge.server";
import { listMyTontines } from "./tontine.server";

/** The saver's part of « Mon espace »: clubs, pledges, tontines, donations. */
export function getSaverSpace(db: Db, userId: number, now = new Date()) {
  return {
    clubs: listMyClubs(db, userId, now),
    pledges: listMyPledges(db, userId),
    tontines: listMyTontines(db, userId),
    donations: listMyDonations(db, userId),
  };
}
export type SaverSpace = ReturnType<typeof getSaverSpace>;
