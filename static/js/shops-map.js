// The directory's map: progressive enhancement over the list, markers from the JSON in the page.
(function () {
    "use strict";

    function init() {
        var element = document.getElementById("shop-map");
        if (!element || typeof window.L === "undefined") {
            return;
        }
        var source = document.getElementById(element.dataset.markers);
        var markers = source ? JSON.parse(source.textContent) : [];
        element.textContent = "";
        var map = window.L.map(element, { scrollWheelZoom: false });
        var attribution = document.createElement("span");
        attribution.textContent = element.dataset.attribution || "";
        window.L.tileLayer(element.dataset.tileUrl, {
            maxZoom: 19,
            attribution: attribution.innerHTML,
        }).addTo(map);
        window.L.Icon.Default.imagePath = element.dataset.iconPath || "/static/vendor/leaflet/images/";
        var bounds = [];
        markers.forEach(function (shop) {
            var link = document.createElement("a");
            link.href = shop.url;
            link.textContent = shop.name;
            var popup = document.createElement("div");
            popup.appendChild(link);
            if (shop.category) {
                popup.appendChild(document.createElement("br"));
                popup.appendChild(document.createTextNode(shop.category));
            }
            window.L.marker([shop.lat, shop.lng], { title: shop.name, alt: shop.name })
                .bindPopup(popup)
                .addTo(map);
            bounds.push([shop.lat, shop.lng]);
        });
        if (bounds.length) {
            map.fitBounds(bounds, { padding: [30, 30], maxZoom: 17 });
        } else {
            map.setView([46.6, 2.5], 5);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
