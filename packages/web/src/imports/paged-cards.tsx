import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiState } from '../api/use-api';

interface PagedCardsProps<T> {
  page: ApiState<{ items: T[]; total: number }>;
  /** What the list says when the page has no item. */
  empty: string;
  offset: number;
  pageSize: number;
  onOffset: (offset: number) => void;
  children: (item: T) => ReactNode;
}

/** One page of a list shown as cards: its error or loader, a line when it is empty, and the buttons to the pages before and after. */
export function PagedCards<T>({ page, empty, offset, pageSize, onOffset, children }: PagedCardsProps<T>) {
  return (
    <>
      {page.error && <Alert color="red">{page.error.message}</Alert>}
      {page.isLoading && !page.data && <Loader />}
      {page.data?.items.length === 0 && <Text>{empty}</Text>}
      {page.data?.items.map(children)}
      {page.data && page.data.total > pageSize && (
        <Group>
          <Button variant="default" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
            Précédents
          </Button>
          <Button variant="default" disabled={offset + pageSize >= page.data.total} onClick={() => onOffset(offset + pageSize)}>
            Suivants
          </Button>
        </Group>
      )}
    </>
  );
}
