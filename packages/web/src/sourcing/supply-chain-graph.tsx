import { Box, Paper, ScrollArea, Text } from '@mantine/core';
import type { SourcingResultDto } from '@mutualis/contract';
import { useMemo, useState } from 'react';
import { MapLegend } from '../map/map-legend';
import { COLUMN_GAP, explanationOf, layoutSourcingGraph, MIN_DRAWN_COVERAGE, NODE_HEIGHT, NODE_WIDTH } from './graph-layout';

const FILL = { need: '#1971c2', direct_supplier: '#0ca678', producer: '#f59f00', input: '#868e96', input_supplier: '#12b886' } as const;
const HEADERS = ['Besoin groupé', 'Fournisseurs et producteurs', 'Intrants de la recette', 'Fournisseurs d’intrants'];

function shorten(text: string, max = 28): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** need → producers → inputs → suppliers, as SVG; hovering a box shows why the firm is there. */
export function SupplyChainGraph({ result }: { result: SourcingResultDto }) {
  const layout = useMemo(() => layoutSourcingGraph(result), [result]);
  const [hovered, setHovered] = useState<string>('need');
  const lit = new Set(layout.edges.filter((e) => e.from.id === hovered || e.to.id === hovered).flatMap((e) => [e.from.id, e.to.id]));
  return (
    <Box>
      <ScrollArea type="auto">
        <svg width={layout.width} height={layout.height} role="img" aria-label="Graphe de la filière locale" style={{ display: 'block' }}>
          {HEADERS.map((header, c) => (
            <text key={header} x={c * (NODE_WIDTH + COLUMN_GAP) + 2} y={16} fontSize={13} fontWeight={700} fill="#495057">
              {header}
            </text>
          ))}
          {layout.bracket && (
            <line
              x1={layout.bracket.x}
              x2={layout.bracket.x}
              y1={layout.bracket.y1}
              y2={layout.bracket.y2}
              stroke="#868e96"
              strokeWidth={3}
              strokeLinecap="round"
            >
              <title>Les intrants de la recette alimentent les producteurs</title>
            </line>
          )}
          {layout.edges.map((e) => {
            const [x1, y1] = [e.from.x, e.from.y + NODE_HEIGHT / 2];
            const [x2, y2] = [e.to.x + NODE_WIDTH, e.to.y + NODE_HEIGHT / 2];
            const mid = (x1 + x2) / 2;
            const active = e.from.id === hovered || e.to.id === hovered;
            return (
              <path
                key={`${e.from.id}->${e.to.id}`}
                d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`}
                fill="none"
                stroke={active ? '#1c7ed6' : '#ced4da'}
                strokeWidth={active ? 2.5 : 1.2}
              >
                <title>{e.label}</title>
              </path>
            );
          })}
          {layout.nodes.map((n) => (
            // biome-ignore lint/a11y/noStaticElementInteractions: hover only reveals the text also listed under the graph.
            <g
              key={n.id}
              transform={`translate(${n.x},${n.y})`}
              onMouseEnter={() => setHovered(n.id)}
              opacity={hovered === 'need' || lit.has(n.id) || hovered === n.id ? 1 : 0.45}
              style={{ cursor: 'default' }}
              data-node={n.id}
            >
              <rect
                width={NODE_WIDTH}
                height={NODE_HEIGHT}
                rx={8}
                fill={FILL[n.kind]}
                stroke={hovered === n.id ? '#212529' : 'none'}
                strokeWidth={2}
              />
              <text x={10} y={NODE_HEIGHT / 2 + 4} fontSize={12} fill="#ffffff" fontWeight={600}>
                {shorten(n.label)}
              </text>
              <title>{explanationOf(result, n.id).join('\n')}</title>
            </g>
          ))}
        </svg>
      </ScrollArea>
      <Paper withBorder p="sm" mt="sm" bg="gray.0" aria-live="polite">
        {explanationOf(result, hovered).map((line) => (
          <Text key={line} size="sm">
            {line}
          </Text>
        ))}
      </Paper>
      <MapLegend
        items={[
          { color: FILL.need, label: 'Besoin groupé' },
          { color: FILL.direct_supplier, label: 'Vend déjà le produit' },
          { color: FILL.producer, label: 'Pourrait le produire (compétences)' },
          { color: FILL.input, label: 'Intrant de la recette' },
          { color: FILL.input_supplier, label: 'Peut fournir un intrant' },
        ]}
      />
      {layout.hiddenProducers > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {layout.hiddenProducers} autre{layout.hiddenProducers > 1 ? 's' : ''} entreprise{layout.hiddenProducers > 1 ? 's' : ''} détien
          {layout.hiddenProducers > 1 ? 'nent' : 't'} moins de {Math.round(MIN_DRAWN_COVERAGE * 100)} % des compétences de la recette :
          elles figurent dans la liste ci-dessous, pas dans le graphe.
        </Text>
      )}
    </Box>
  );
}
