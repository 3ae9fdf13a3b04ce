<?php
/**
 * Plugin Name: BatchKeys for WordPress
 */
