const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

// wp-scripts' own minifier (terser-webpack-plugin), whatever version it brings.
const TerserPlugin = defaultConfig.optimization.minimizer[ 0 ].constructor;

// block.json files under src/ are discovered by wp-scripts; the admin screen is one more entry.
// The minifier is wp-scripts' own, without the `translators:` comments it keeps in the built files:
// the kit's translations come from its .pot, made from src/ with those comments (npm run i18n),
// and the block's view script runs on the front end, where every byte counts (docs/budgets.md).
module.exports = {
	...defaultConfig,
	entry: async () => {
		const blockEntries =
			typeof defaultConfig.entry === 'function'
				? await defaultConfig.entry()
				: defaultConfig.entry;
		return { ...blockEntries, 'admin/index': './src/admin/index.tsx' };
	},
	output: {
		...defaultConfig.output,
		path: path.resolve( __dirname, 'plugin/kit/build' ),
	},
	optimization: {
		...defaultConfig.optimization,
		minimizer: [
			new TerserPlugin( {
				parallel: true,
				terserOptions: {
					output: { comments: false },
					compress: { passes: 2 },
					mangle: { reserved: [ '__', '_n', '_nx', '_x' ] },
				},
				extractComments: false,
			} ),
		],
	},
};
