/* The map page: the points of /map.geojson, drawn with Leaflet (served from /static/vendor).
 *
 * No tile layer unless the server names a tile server (data-tiles, from KG_MAP_TILES): by default
 * the points sit on a plain background — the country outlines of Natural Earth (public domain,
 * /static/outline/) for orientation — with a scale and a legend. A filled dot is a reference
 * point of the thing itself; a ring is a thing without a point of its own, drawn at the point of a
 * place the graph says it is in, at or near — its popup says so in words. A route is a line through
 * its waypoints that have a point, in order; its popup lists every waypoint and says which have none.
 * Every popup links to the pages of what is at that point or on that line.
 */
(function () {
  "use strict";

  const box = document.getElementById("map");
  if (!box) return;

  const COLOURS = { place: "#1f5fa8", crossing: "#2e7d32", base: "#6a1b9a", strike: "#c62828", event: "#ef6c00",
    route: "#00838f", other: "#555555" };
  const NAMES = { place: "place", crossing: "crossing", base: "base", strike: "strike", event: "event", route: "route", other: "other" };
  const ORDER = ["place", "crossing", "base", "strike", "event", "route", "other"];

  function message(text) {
    box.textContent = "";
    const div = document.createElement("div");
    div.className = "map-message";
    div.textContent = text;
    box.appendChild(div);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(href, text) {
    const a = element("a", null, text);
    if (href) a.href = href;
    return a;
  }

  /* What is at one point: the things whose own point it is, then those shown there, with their notes. */
  function popup(features) {
    const div = element("div", "map-popup");
    const list = element("ul");
    for (const f of features) {
      const p = f.properties;
      const li = element("li");
      const dot = element("span", "kind kind-" + p.kind);
      li.appendChild(dot);
      li.appendChild(link(p.page, p.label));
      li.appendChild(document.createTextNode(" · " + (p.types.length ? p.types.join(", ") : NAMES[p.kind])));
      if (p.position === "borrowed") {
        const note = element("span", "note", p.note.charAt(0).toUpperCase() + p.note.slice(1) + ".");
        li.appendChild(note);
      } else {
        const note = element("span", "note");
        note.appendChild(p.reference_point ? link(p.reference_point, "reference point") : document.createTextNode("reference point"));
        if (p.source) note.appendChild(document.createTextNode(": " + p.source));
        li.appendChild(note);
      }
      if (p.links && p.links.length) {
        // The same place in other datasets (a link out, opened only when followed).
        const also = element("span", "note", "Also in: ");
        p.links.forEach((href, i) => {
          if (i) also.appendChild(document.createTextNode(", "));
          also.appendChild(link(href, href.replace(/^https?:\/\//, "").replace(/\/$/, "")));
        });
        li.appendChild(also);
      }
      list.appendChild(li);
    }
    div.appendChild(list);
    return div;
  }

  /* A route: its name, its note, and every waypoint in order, linked. */
  function routePopup(f) {
    const p = f.properties;
    const div = element("div", "map-popup");
    const head = element("div");
    head.appendChild(element("span", "kind kind-route"));
    head.appendChild(link(p.page, p.label));
    head.appendChild(document.createTextNode(" · " + (p.types.length ? p.types.join(", ") : NAMES.route)));
    head.appendChild(element("span", "note", p.note.charAt(0).toUpperCase() + p.note.slice(1) + "."));
    div.appendChild(head);
    const list = element("ol");
    for (const w of p.waypoints) {
      const li = element("li");
      li.value = w.sequence;
      li.appendChild(link(w.page, w.label));
      if (!w.positioned) li.appendChild(document.createTextNode(" (no position)"));
      list.appendChild(li);
    }
    div.appendChild(list);
    return div;
  }

  function legend(kinds, anyBorrowed) {
    const control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      const div = element("div", "map-legend");
      div.setAttribute("data-testid", "map-legend");
      const svgNS = "http://www.w3.org/2000/svg";
      function symbol(colour, ring, line) {
        const svg = document.createElementNS(svgNS, "svg");
        svg.setAttribute("width", "16");
        svg.setAttribute("height", "16");
        if (line) {
          const l = document.createElementNS(svgNS, "line");
          for (const [k, v] of [["x1", "1"], ["y1", "12"], ["x2", "15"], ["y2", "4"], ["stroke", colour], ["stroke-width", "3"]]) l.setAttribute(k, v);
          svg.appendChild(l);
          return svg;
        }
        const c = document.createElementNS(svgNS, "circle");
        c.setAttribute("cx", "8");
        c.setAttribute("cy", "8");
        c.setAttribute("r", ring ? "6" : "5");
        c.setAttribute("stroke", colour);
        c.setAttribute("stroke-width", "2");
        c.setAttribute("fill", ring ? "none" : colour);
        if (ring) c.setAttribute("stroke-dasharray", "3 2");
        svg.appendChild(c);
        return svg;
      }
      for (const kind of ORDER) {
        if (!kinds.has(kind)) continue;
        const row = element("div");
        row.appendChild(symbol(COLOURS[kind], false, kind === "route"));
        row.appendChild(document.createTextNode(NAMES[kind]));
        div.appendChild(row);
      }
      if (anyBorrowed) {
        const row = element("div");
        row.appendChild(symbol("#5b6576", true));
        row.appendChild(document.createTextNode("shown at a stated place (see note)"));
        div.appendChild(row);
      }
      return div;
    };
    return control;
  }

  /* Labels of places close together go right, left, above or below their dot, whichever is free. */
  const OFFSETS = { right: [8, 0], left: [-8, 0], top: [0, -8], bottom: [0, 8] };
  function placeLabels(map, labelled) {
    const taken = [];
    const overlaps = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    const order = labelled.slice().sort((a, b) => b.marker.getLatLng().lat - a.marker.getLatLng().lat);
    for (const { marker, text } of order) {
      const p = map.latLngToContainerPoint(marker.getLatLng());
      const w = text.length * 7 + 8;
      const h = 16;
      const boxes = {
        right: [p.x + 8, p.y - h / 2, p.x + 8 + w, p.y + h / 2],
        left: [p.x - 8 - w, p.y - h / 2, p.x - 8, p.y + h / 2],
        top: [p.x - w / 2, p.y - 8 - h, p.x + w / 2, p.y - 8],
        bottom: [p.x - w / 2, p.y + 8, p.x + w / 2, p.y + 8 + h],
      };
      const free = Object.keys(boxes).find((d) => !taken.some((t) => overlaps(t, boxes[d]))) || "right";
      taken.push(boxes[free]);
      const tooltip = marker.getTooltip();
      tooltip.options.direction = free;
      tooltip.options.offset = OFFSETS[free];
      tooltip.update();
    }
  }

  /* The country outlines (Natural Earth, public domain), for orientation only: no data. */
  function outline(map, geo) {
    if (!geo || !geo.features) return false;
    L.geoJSON(geo, {
      interactive: false,
      style: { color: "#a9b3c1", weight: 1, fillColor: "#fbfaf6", fillOpacity: 1 },
    }).addTo(map);
    for (const f of geo.features) {
      const bounds = L.geoJSON(f).getBounds();
      const name = f.properties && f.properties.name;
      if (!name || !bounds.isValid()) continue;
      L.marker(bounds.getCenter(), {
        interactive: false, keyboard: false,
        icon: L.divIcon({ className: "country-label", html: "<span></span>", iconSize: [0, 0] }),
      }).addTo(map).getElement().firstChild.textContent = name;
    }
    return true;
  }

  function draw(geo, land) {
    const all = (geo && geo.features) || [];
    const lines = all.filter((f) => f.geometry.type === "LineString");
    const features = all.filter((f) => f.geometry.type === "Point");
    if (!all.length) {
      message("This release has no reference coordinates, so nothing can be placed on the map yet.");
      return;
    }
    box.textContent = "";
    const tiles = box.dataset.tiles;
    // One popup per point, listing everything drawn there.
    const byPoint = new Map();
    for (const f of features) {
      const key = f.geometry.coordinates.join(",");
      if (!byPoint.has(key)) byPoint.set(key, []);
      byPoint.get(key).push(f);
    }
    const bounds = [...byPoint.values()].map((group) => [group[0].geometry.coordinates[1], group[0].geometry.coordinates[0]]);
    for (const f of lines) f.geometry.coordinates.forEach(([lon, lat]) => bounds.push([lat, lon]));
    const map = L.map(box, { attributionControl: false, zoomSnap: 0.5 });
    map.fitBounds(bounds, { paddingTopLeft: [40, 40], paddingBottomRight: [140, 40], maxZoom: 8 });
    map.setZoom(map.getZoom() - 1, { animate: false });  // a little of the countries around, for orientation
    const credits = [];
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18 }).addTo(map);
      if (box.dataset.tilesAttribution) credits.push(box.dataset.tilesAttribution);
    } else if (outline(map, land)) {
      credits.push("Outline: Natural Earth");
    }
    if (credits.length) {
      const attribution = L.control.attribution({ prefix: false }).addTo(map);
      credits.forEach((c) => attribution.addAttribution(c));
    }
    L.control.scale({ imperial: false }).addTo(map);

    const kinds = new Set();
    let anyBorrowed = false;
    const labelled = [];
    // Routes first, under the dots of the places they pass through.
    for (const f of lines) {
      kinds.add("route");
      L.polyline(f.geometry.coordinates.map(([lon, lat]) => [lat, lon]), {
        color: COLOURS.route, weight: 3, opacity: 0.75, className: "route-line",
      }).bindPopup(routePopup(f)).bindTooltip(f.properties.label, { sticky: true }).addTo(map);
    }
    for (const group of byPoint.values()) {
      group.sort((a, b) => (a.properties.position === "own" ? 0 : 1) - (b.properties.position === "own" ? 0 : 1));
      const [lon, lat] = group[0].geometry.coordinates;
      const latlng = [lat, lon];
      const content = popup(group);
      const own = group.filter((f) => f.properties.position === "own");
      const shown = group.filter((f) => f.properties.position !== "own");
      // One dashed ring per kind of thing shown here without a point of its own (largest first), then
      // the dots of the place itself on top, so they stay clickable.
      const shownKinds = ORDER.filter((k) => shown.some((f) => f.properties.kind === k));
      shownKinds.forEach((kind, i) => {
        const here = shown.filter((f) => f.properties.kind === kind);
        kinds.add(kind);
        anyBorrowed = true;
        const names = here.map((f) => f.properties.label);
        L.circleMarker(latlng, {
          radius: 11 + 4 * (shownKinds.length - 1 - i), color: COLOURS[kind] || COLOURS.other, weight: 2,
          dashArray: "4 3", fill: true, fillOpacity: 0, className: "marker-borrowed",
        }).bindPopup(content).bindTooltip(names.length === 1 ? names[0] + " (shown here)"
          : names.length + " " + NAMES[kind] + "s shown here").addTo(map);
      });
      own.forEach((f, i) => {
        const p = f.properties;
        kinds.add(p.kind);
        const marker = L.circleMarker(latlng, {
          radius: 6, color: "#ffffff", weight: 1.5, fillColor: COLOURS[p.kind] || COLOURS.other, fillOpacity: 1,
          className: "marker-own",
        }).bindPopup(content).addTo(map);
        if (i === 0) {
          const text = own.map((o) => o.properties.label).join(" · ");
          marker.bindTooltip(text, { permanent: true, direction: "right", offset: OFFSETS.right, className: "map-label" });
          labelled.push({ marker, text });
        }
      });
    }
    legend(kinds, anyBorrowed).addTo(map);
    placeLabels(map, labelled);
    map.on("zoomend", () => placeLabels(map, labelled));
  }

  if (typeof L === "undefined") {
    message("The map library did not load; every point is also in the table below.");
    return;
  }
  function json(url) {
    return fetch(url, { headers: { Accept: "application/geo+json, application/json" } }).then((response) => {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }
  const land = box.dataset.outline && !box.dataset.tiles ? json(box.dataset.outline).catch(() => null) : Promise.resolve(null);
  Promise.all([json(box.dataset.geojson), land])
    .then(([geo, outlines]) => draw(geo, outlines))
    .catch((error) => {
      console.error("map:", error);
      message("The map data could not be loaded; every point is also in the table below.");
    });
})();
