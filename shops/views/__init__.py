"""What a visitor's or a shopkeeper's request runs outside the admin and outside a page's own
template: one module per subject (click & collect requests, shopkeepers' e-mailed links)."""
