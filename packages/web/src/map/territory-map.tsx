import 'leaflet/dist/leaflet.css';
import { Box, Text } from '@mantine/core';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { spreadMarkers } from './spread-markers';

/** A marker of the map: a firm or a delivery site, with its tooltip. */
export interface MapMarker {
  id: string;
  position: readonly [number, number];
  kind: 'firm' | 'site';
  tooltip: string;
  /** Fill colour; firms default to teal, sites to orange. */
  color?: string;
  radius?: number;
}

interface TerritoryMapProps {
  departementCodes: readonly string[];
  markers: readonly MapMarker[];
  height?: number;
  label: string;
  /** Spacing in degrees between markers that share a position (larger for a few big markers). */
  spreadDegrees?: number;
}

interface DepartementFeature {
  type: 'Feature';
  properties: { code: string; nom: string };
  geometry: GeoJSON.Geometry;
}

/**
 * A tooltip holding `text` as text: Leaflet inserts a string tooltip as HTML, so an organization
 * named `<img src=x onerror=…>` would run in the facilitator's page. A DOM node is shown as it is.
 */
export function textTooltip(text: string): HTMLElement {
  const element = document.createElement('span');
  element.textContent = text;
  return element;
}

let contours: Promise<DepartementFeature[]> | null = null;
/** The vendored département contours (public/departements.geojson), fetched once. */
function loadContours(): Promise<DepartementFeature[]> {
  contours ??= fetch('/departements.geojson')
    .then((response) => response.json() as Promise<{ features: DepartementFeature[] }>)
    .then((collection) => collection.features);
  return contours;
}

/**
 * An offline map: no tile server, only the contours of the territory's départements (GeoJSON) and
 * circle markers. Markers sharing a département centroid are spread around it (see spreadMarkers).
 */
export function TerritoryMap({ departementCodes, markers, height = 460, label, spreadDegrees = 0.04 }: TerritoryMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const [features, setFeatures] = useState<DepartementFeature[] | null>(null);
  const codesKey = departementCodes.join(',');

  useEffect(() => {
    if (!container.current) return;
    const created = L.map(container.current, { attributionControl: false, zoomSnap: 0.25, scrollWheelZoom: false });
    map.current = created;
    layers.current = L.layerGroup().addTo(created);
    loadContours().then(setFeatures, () => setFeatures([]));
    return () => {
      created.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const current = map.current;
    const group = layers.current;
    if (!current || !group || !features) return;
    group.clearLayers();
    const codes = new Set(codesKey.split(','));
    const shown = features.filter((f) => codes.has(f.properties.code));
    const outline = L.geoJSON({ type: 'FeatureCollection', features: shown } as GeoJSON.FeatureCollection, {
      style: { color: '#495057', weight: 1.5, fillColor: '#e9ecef', fillOpacity: 0.7 },
      onEachFeature: (feature, layer) =>
        layer.bindTooltip(textTooltip(`${feature.properties.nom} (${feature.properties.code})`), { sticky: true }),
    }).addTo(group);
    for (const marker of spreadMarkers(markers, spreadDegrees)) {
      const color = marker.color ?? (marker.kind === 'firm' ? '#0ca678' : '#f76707');
      L.circleMarker([marker.shown[1], marker.shown[0]], {
        radius: marker.radius ?? (marker.kind === 'firm' ? 7 : 9),
        color: marker.kind === 'site' ? '#212529' : '#ffffff',
        weight: marker.kind === 'site' ? 2 : 1.5,
        fillColor: color,
        fillOpacity: 0.9,
      })
        .bindTooltip(textTooltip(marker.tooltip))
        .addTo(group);
    }
    const bounds = outline.getBounds();
    if (bounds.isValid()) current.fitBounds(bounds, { padding: [16, 16] });
  }, [features, codesKey, markers, spreadDegrees]);

  return (
    <Box>
      <Box
        ref={container}
        h={height}
        role="region"
        aria-roledescription="carte"
        aria-label={label}
        // A stacking context of its own: Leaflet's panes (z-index 400 to 700) stay under the page's sticky header.
        style={{ background: '#f8f9fa', borderRadius: 8, isolation: 'isolate' }}
      />
      {features !== null && features.length === 0 && (
        <Text size="sm" c="red">
          Contours des départements indisponibles.
        </Text>
      )}
    </Box>
  );
}
