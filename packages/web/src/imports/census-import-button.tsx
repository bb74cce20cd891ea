import { countFr } from '@mutualis/contract';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CensusImportResult } from '@mutualis/contract';
import { useState } from 'react';
import { CensusImportModal } from './census-import-modal';
import { downloadUrl } from './upload-file';

interface CensusImportButtonProps {
  organizationId: string;
  territorySlug: string | null;
  onImported: () => void;
}

/** The census page's spreadsheet actions: import a file, download the template and the census export. */
export function CensusImportButton({ organizationId, territorySlug, onImported }: CensusImportButtonProps) {
  const [opened, setOpened] = useState(false);
  const imported = (result: CensusImportResult) => {
    const { created, updated } = result.stored;
    notifications.show({
      color: 'teal',
      message: `Import enregistré : ${countFr(created, 'besoin ajouté')}, ${countFr(updated, 'besoin mis à jour', 'besoins mis à jour')}.`,
    });
    onImported();
  };
  const query = { organization: organizationId };
  return (
    <Group gap="xs">
      <Button variant="light" onClick={() => setOpened(true)}>
        Importer un tableur
      </Button>
      {territorySlug && (
        <>
          <Button
            variant="subtle"
            component="a"
            href={downloadUrl(`/territories/${encodeURIComponent(territorySlug)}/census/template.xlsx`, query)}
          >
            Modèle XLSX
          </Button>
          <Button variant="subtle" component="a" href={downloadUrl(`/territories/${encodeURIComponent(territorySlug)}/needs.xlsx`, query)}>
            Exporter (XLSX)
          </Button>
          <Button variant="subtle" component="a" href={downloadUrl(`/territories/${encodeURIComponent(territorySlug)}/needs.csv`, query)}>
            Exporter (CSV)
          </Button>
        </>
      )}
      <CensusImportModal organizationId={organizationId} opened={opened} onClose={() => setOpened(false)} onImported={imported} />
    </Group>
  );
}
