import { kitScripts } from './block-page';

describe( 'kitScripts', () => {
	it( "lists the kit's built scripts a page links, once each, without their query", () => {
		const html = [
			'<script src="http://127.0.0.1:8/wp-content/plugins/batchkeys/kit/build/block/view.js?ver=abc" id="batchkeys-license-form-view-script-js"></script>',
			'<script src="http://127.0.0.1:8/wp-content/plugins/batchkeys/kit/build/block/view.js?ver=abc"></script>',
			'<script type="text/javascript" src="http://127.0.0.1:8/wp-content/themes/t/inc/kit/build/admin/index.js?ver=1&amp;x=2"></script>',
			'<script src="http://127.0.0.1:8/wp-includes/js/dist/api-fetch.min.js?ver=1"></script>',
			'<link rel="stylesheet" href="http://127.0.0.1:8/wp-content/plugins/batchkeys/kit/build/block/style-index.css" />',
		].join( '\n' );
		expect( kitScripts( html ) ).toEqual( [
			'http://127.0.0.1:8/wp-content/plugins/batchkeys/kit/build/block/view.js',
			'http://127.0.0.1:8/wp-content/themes/t/inc/kit/build/admin/index.js',
		] );
	} );

	it( 'finds none on a page without them', () => {
		expect(
			kitScripts(
				'<p class="batchkeys-license-form__note">Ask the site owner.</p>'
			)
		).toEqual( [] );
	} );
} );
