import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { authorize } from "~/guards/authorize.server";
import { getEnv } from "~/utils/env.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { DataTable } from "~/components/ui/data-table";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).legal.privacy.metaTitle }];

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "confidentialite");
  const env = getEnv();
  return { publisher: env.LEGAL_PUBLISHER, contact: env.LEGAL_CONTACT, backupsKept: env.BACKUP_KEEP, backupHours: env.BACKUP_INTERVAL_HOURS };
}

export default function Privacy() {
  const { publisher, contact, backupsKept, backupHours } = useLoaderData<typeof loader>();
  const t = useT().legal.privacy;
  return (
    <div className="container narrow">
      <h1>{t.title}</h1>
      <p>{t.intro(publisher, contact)}</p>
      <h2>{t.keptTitle}</h2>
      <DataTable className="" caption={t.keptCaption}>
        <thead>
          <tr>
            <th scope="col">{t.what}</th>
            <th scope="col">{t.why}</th>
            <th scope="col">{t.howLong}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(t.kept).map(([key, row]) => (
            <tr key={key}>
              <td>{row.what}</td>
              <td>{row.why}</td>
              <td>{row.howLong}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p>{t.backups(backupHours, backupsKept)}</p>
      <h2>{t.publicTitle}</h2>
      <p>{t.public}</p>
      <h2>{t.rightsTitle}</h2>
      <p>
        {t.rightsBefore} <a href="/compte">{t.rightsAccount}</a>
        {t.rightsMiddle} <a href="/compte/donnees">{t.rightsData}</a>
        {t.rightsAfter(contact)}
      </p>
    </div>
  );
}
