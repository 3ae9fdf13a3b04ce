const defaultConfig = require( '@wordpress/scripts/config/eslint.config.cjs' );
const wpPlugin = require( '@wordpress/eslint-plugin' );

module.exports = [
	{
		ignores: [
			'plugin/kit/build/**',
			'vendor/**',
			'.batchkeys/**',
			'artifacts/**',
			'test-results/**',
			'test/fixtures/**/kit/**',
		],
	},
	...defaultConfig,
	...wpPlugin.configs[ 'test-unit' ].map( ( config ) => ( {
		...config,
		files: [
			'**/@(test|__tests__)/**/*.{ts,tsx}',
			'**/?(*.)test.{ts,tsx}',
		],
	} ) ),
	...wpPlugin.configs[ 'test-playwright' ].map( ( config ) => ( {
		...config,
		files: [ 'test/e2e/**/*.{js,ts}' ],
	} ) ),
	{
		files: [ '**/*.{ts,tsx}' ],
		rules: { '@typescript-eslint/no-explicit-any': 'error' },
	},
];
