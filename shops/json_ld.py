"""schema.org description of a shop page, for search engines (JSON-LD)."""

from .hours import PARIS


def price_text(price):
    return f"{price:.2f}"


def shop_json_ld(shop, request, now):
    """A LocalBusiness (or the category's subtype) with address, geo, hours and products as offers."""
    url = shop.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": shop.category.schema_type if shop.category else "LocalBusiness",
        "@id": url,
        "name": shop.title,
        "description": shop.pitch,
        "url": url,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": shop.street,
            "postalCode": shop.postcode,
            "addressLocality": shop.town,
            "addressCountry": "FR",
        },
    }
    if shop.latitude is not None and shop.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(shop.latitude),
            "longitude": float(shop.longitude),
        }
    if shop.phone:
        data["telephone"] = shop.phone
    if shop.email:
        data["email"] = shop.email
    same_as = [
        url for url in [shop.website, shop.facebook_url, shop.instagram_url, shop.other_social_url] if url
    ]
    if same_as:
        data["sameAs"] = same_as
    photo = shop.first_photo
    if photo is not None:
        rendition = photo.image.get_rendition("fill-1200x630|format-jpeg")
        data["image"] = request.build_absolute_uri(rendition.url)
    hours = shop.hours
    data["openingHoursSpecification"] = hours.schema_org()
    special = hours.schema_org_special(now.astimezone(PARIS))
    if special:
        data["specialOpeningHoursSpecification"] = special
    products = shop.product_list
    if products:
        data["makesOffer"] = [product_offer(url, product) for product in products]
    return data


def product_offer(shop_url, product):
    offer = {
        "@type": "Offer",
        "itemOffered": {"@type": "Product", "name": product.name},
        "url": f"{shop_url}#{product.anchor}",
    }
    if product.description:
        offer["itemOffered"]["description"] = product.description
    if product.price is not None:
        offer["price"] = price_text(product.price)
        offer["priceCurrency"] = "EUR"
    return offer
